package io.hilharness.correlate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hilharness.devlog.DeviceEvent;
import java.util.List;

/**
 * The board's log lines for one client port that no client connection of this round explains.
 *
 * @param lateFor the id of the connection of an earlier round these lines belong to, when they arrived
 *                only after that round was journaled (lwIP logs {@code tcp_pcb_purge} once the client's FIN
 *                is in, a slow console delivers a line late); null for a session no client of ours opened
 */
public record DeviceSession(int port, List<DeviceEvent> events,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String lateFor) {
    public DeviceSession {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public DeviceSession(int port, List<DeviceEvent> events) {
        this(port, events, null);
    }

    /** Lines of a connection no client of ours opened: another client on the network, or one behind our back. */
    @JsonIgnore
    public boolean noClientOpened() {
        return lateFor == null;
    }
}
