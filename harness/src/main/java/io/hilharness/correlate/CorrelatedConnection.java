package io.hilharness.correlate;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.devlog.DeviceEvent;
import java.util.List;
import java.util.Objects;

/** One client connection with the board's log lines for the same TCP port and time window. */
public record CorrelatedConnection(ConnectionRecord client, List<DeviceEvent> device) {
    public CorrelatedConnection {
        // A journal read back must name a bad record here, not fail later in a report or rule.
        Objects.requireNonNull(client, "field 'client' is missing");
        device = device == null ? List.of() : List.copyOf(device);
    }
}
