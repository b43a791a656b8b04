package io.hilharness.correlate;

import io.hilharness.devlog.DeviceEvent;
import java.util.List;

/** The board's log lines for one client port that no client connection of ours explains. */
public record DeviceSession(int port, List<DeviceEvent> events) {
    public DeviceSession {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
