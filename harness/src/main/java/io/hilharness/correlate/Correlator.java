package io.hilharness.correlate;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.devlog.DeviceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins client connections with device log events by the client's TCP source port, which the board
 * logs. Ports are reused by the OS over a long campaign, so a match must also fall inside the
 * connection's time window (widened by the console's latency, since a line reaches the host after the
 * event it reports).
 */
public final class Correlator {
    private final Duration lead;
    private final Duration lag;

    /**
     * @param lead how long before the client saw its connection start a device line may be stamped
     *             (clock granularity; the host stamps both)
     * @param lag  how long after the client's end the board's last line for it may arrive
     */
    public Correlator(Duration lead, Duration lag) {
        this.lead = lead;
        this.lag = lag;
    }

    public static Correlator withDefaults() {
        return new Correlator(Duration.ofMillis(100), Duration.ofSeconds(3));
    }

    public Correlation correlate(List<ConnectionRecord> clients, List<DeviceEvent> deviceEvents) {
        List<CorrelatedConnection> joined = new ArrayList<>();
        List<ConnectionRecord> unmatchedClients = new ArrayList<>();
        boolean[] used = new boolean[deviceEvents.size()];
        for (ConnectionRecord client : clients) {
            List<DeviceEvent> mine = new ArrayList<>();
            if (client.localPort() > 0) {
                Instant from = client.start().minus(lead);
                Instant to = (client.end() == null ? client.start() : client.end()).plus(lag);
                for (int i = 0; i < deviceEvents.size(); i++) {
                    DeviceEvent e = deviceEvents.get(i);
                    if (!used[i] && e.port() != null && e.port() == client.localPort()
                            && !e.hostTime().isBefore(from) && !e.hostTime().isAfter(to)) {
                        mine.add(e);
                        used[i] = true;
                    }
                }
            }
            if (mine.isEmpty()) {
                unmatchedClients.add(client);
            }
            joined.add(new CorrelatedConnection(client, mine));
        }
        Map<Integer, List<DeviceEvent>> leftovers = new LinkedHashMap<>();
        for (int i = 0; i < deviceEvents.size(); i++) {
            DeviceEvent e = deviceEvents.get(i);
            if (!used[i] && e.port() != null) {
                leftovers.computeIfAbsent(e.port(), p -> new ArrayList<>()).add(e);
            }
        }
        List<DeviceSession> unmatchedDevice = leftovers.entrySet().stream()
                .map(en -> new DeviceSession(en.getKey(), en.getValue())).toList();
        return new Correlation(joined, unmatchedClients, unmatchedDevice);
    }
}
