package io.hilharness.correlate;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.devlog.DeviceEvent;
import java.util.List;

/** One client connection with the board's log lines for the same TCP port and time window. */
public record CorrelatedConnection(ConnectionRecord client, List<DeviceEvent> device) {
    public CorrelatedConnection {
        device = List.copyOf(device);
    }
}
