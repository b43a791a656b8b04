package io.hilharness.correlate;

import io.hilharness.client.ConnectionRecord;
import java.util.List;

/**
 * The result of joining client connections with device sessions.
 *
 * @param unmatchedClients connections the board never logged (e.g. refused before accept, or a board
 *                         that does not log ports)
 * @param unmatchedDevice  device sessions no client of this round explains: ones no client of ours
 *                         opened (another client on the network, or a connection the client library made
 *                         behind our back) and late lines of an earlier round's connections
 */
public record Correlation(List<CorrelatedConnection> connections,
                          List<ConnectionRecord> unmatchedClients,
                          List<DeviceSession> unmatchedDevice) {
    public Correlation {
        connections = List.copyOf(connections);
        unmatchedClients = List.copyOf(unmatchedClients);
        unmatchedDevice = List.copyOf(unmatchedDevice);
    }
}
