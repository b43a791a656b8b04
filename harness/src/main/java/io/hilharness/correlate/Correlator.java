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
        return correlate(clients, deviceEvents, List.of());
    }

    /**
     * @param earlier connections of earlier rounds, already journaled: a line of theirs that arrives now is
     *                theirs (a {@link DeviceSession#lateFor late} session), not one of a stranger
     */
    public Correlation correlate(List<ConnectionRecord> clients, List<DeviceEvent> deviceEvents,
                                 List<ConnectionRecord> earlier) {
        List<CorrelatedConnection> joined = new ArrayList<>();
        List<ConnectionRecord> unmatchedClients = new ArrayList<>();
        boolean[] used = new boolean[deviceEvents.size()];
        for (ConnectionRecord client : clients) {
            List<DeviceEvent> mine = new ArrayList<>();
            for (int i = 0; i < deviceEvents.size(); i++) {
                if (!used[i] && within(client, deviceEvents.get(i))) {
                    mine.add(deviceEvents.get(i));
                    used[i] = true;
                }
            }
            if (mine.isEmpty()) {
                unmatchedClients.add(client);
            }
            joined.add(new CorrelatedConnection(client, mine));
        }
        Map<Integer, List<DeviceEvent>> strangers = new LinkedHashMap<>();
        Map<ConnectionRecord, List<DeviceEvent>> late = new LinkedHashMap<>();
        for (int i = 0; i < deviceEvents.size(); i++) {
            DeviceEvent e = deviceEvents.get(i);
            if (used[i] || e.port() == null) {
                continue;
            }
            ConnectionRecord owner = earlier.stream().filter(c -> within(c, e)).reduce((a, b) -> b).orElse(null);
            if (owner != null) {
                late.computeIfAbsent(owner, c -> new ArrayList<>()).add(e);
            } else {
                strangers.computeIfAbsent(e.port(), p -> new ArrayList<>()).add(e);
            }
        }
        List<DeviceSession> unmatchedDevice = new ArrayList<>();
        late.forEach((c, events) -> unmatchedDevice.add(new DeviceSession(c.localPort(), events, c.id())));
        strangers.forEach((port, events) -> unmatchedDevice.add(new DeviceSession(port, events)));
        return new Correlation(joined, unmatchedClients, unmatchedDevice);
    }

    /** The event names the client's port within the client's time window. */
    private boolean within(ConnectionRecord client, DeviceEvent e) {
        if (client.localPort() <= 0 || e.port() == null || e.port() != client.localPort()) {
            return false;
        }
        Instant from = client.start().minus(lead);
        Instant to = (client.end() == null ? client.start() : client.end()).plus(lag);
        return !e.hostTime().isBefore(from) && !e.hostTime().isAfter(to);
    }
}
