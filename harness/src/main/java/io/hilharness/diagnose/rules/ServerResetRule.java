package io.hilharness.diagnose.rules;

import io.hilharness.capture.Direction;
import io.hilharness.capture.WireConversation;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The packet capture shows the board resetting connections while the client was still waiting for an
 * answer to what it had sent (its ClientHello, a request). A board that accepts a connection it has
 * no room for (a full listener backlog, no memory for a TLS session) drops it this way; Linux and
 * lwIP answer a socket closed with unread data with a RST. Needs a capture ({@code hil run --capture}).
 */
public final class ServerResetRule implements DiagnosisRule {
    /** Failed connections the board must have reset this way before the pattern is reported. */
    public static final int MIN_CONNECTIONS = 2;

    private static final Set<EventType> RESOURCE_LINES = Set.of(EventType.SETUP_FAILED, EventType.ALLOC_FAILED,
            EventType.LISTEN_BACKLOG_EXCEEDED, EventType.MEMORY_POOL_EXHAUSTED);

    @Override
    public String name() {
        return "server-reset";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        if (!evidence.captured()) {
            return List.of();
        }
        List<ConnectionFacts> failedOnWire = evidence.failures().stream().filter(c -> c.onWire().isPresent()).toList();
        List<ConnectionFacts> reset = failedOnWire.stream()
                .filter(c -> WireSigns.resetWhileClientSending(c.wire())).toList();
        if (reset.size() < MIN_CONNECTIONS) {
            return List.of();
        }
        long silent = reset.stream().filter(c -> c.wire().bytesServerToClient() == 0).count();
        long parallel = reset.stream().filter(c -> c.openAtStart() > 1).count();
        long resourceLogged = reset.stream().filter(c -> !c.events(RESOURCE_LINES).isEmpty()).count();
        List<DeviceEvent> backlog = evidence.rounds().stream().flatMap(r -> r.unmatchedDevice().stream()).flatMap(s -> s.events().stream())
                .filter(e -> e.type() == EventType.LISTEN_BACKLOG_EXCEEDED).toList();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("reset by the board with the client's data unanswered", Examples.ratio(reset.size(), failedOnWire.size())
                + " failed connections on the wire");
        facts.put("client's last record before the reset", lastClientRecords(reset));
        facts.put("board sent nothing before the reset", Examples.ratio(silent, reset.size()));
        facts.put("connections open at once when they started", openAtStart(reset));
        if (resourceLogged > 0) {
            facts.put("board logged running out of resources for them", Examples.ratio(resourceLogged, reset.size()));
        }
        if (!backlog.isEmpty()) {
            facts.put("board logged its listen backlog exceeded", backlog.size() + " times");
        }
        facts.put("streams", reset.stream().map(c -> c.wire().stream()).sorted().limit(10).map(String::valueOf)
                .collect(Collectors.joining(", ")) + (reset.size() > 10 ? ", ..." : ""));

        String load = parallel == reset.size() ? " Every one of them started while other connections were open: it "
                + "happens under parallel load, when the board has no room for one more connection (listener backlog, "
                + "session memory)." : parallel > 0 ? " " + parallel + " of them started while other connections were open." : "";
        String rootCause = "The board dropped " + reset.size() + " of " + failedOnWire.size()
                + " failed connections without answering the client: on the wire it reset them with the client's "
                + lastClientRecords(reset).replaceAll(": \\d+", "") + " unanswered"
                + (silent == reset.size() ? ", having sent nothing itself." : " (" + silent + " without a byte from the board).")
                + load
                + (resourceLogged > 0 ? " Its log shows it ran out of resources for " + resourceLogged + " of them." : "");
        List<EvidenceItem> items = new ArrayList<>();
        for (ConnectionFacts c : Examples.spread(reset)) {
            List<DeviceEvent> lines = c.events(RESOURCE_LINES).isEmpty() ? c.troubleLines(3)
                    : c.events(RESOURCE_LINES).stream().limit(3).toList();
            String note = "board reset the connection (" + c.wire().bytesClientToServer() + " bytes sent by the client, "
                    + c.wire().bytesServerToClient() + " by the board)" + (lines.isEmpty() ? "; the board logged nothing for this port" : "");
            items.add(EvidenceItem.of(c, note, lines).withWire(WireSigns.resetRefs(c.wire())));
        }
        if (!backlog.isEmpty()) {
            items.add(EvidenceItem.ofDevice(backlog.get(0).boot(), "listen backlog exceeded", backlog.stream().limit(3).toList()));
        }
        String fix = "Give the board room for the connections clients open at once (a browser opens up to 6): a listen "
                + "backlog and a session pool (heap for mbedtls_ssl_setup, lwIP PCBs) sized for them; or accept only "
                + "as many connections as can be served and let the rest wait in the backlog instead of accepting and "
                + "dropping them.";
        double confidence = 0.7 + 0.1 * ((double) parallel / reset.size()) + (resourceLogged > 0 || !backlog.isEmpty() ? 0.05 : 0);
        return List.of(new Finding(name(), rootCause, confidence, facts, items, fix).explaining(reset));
    }

    private static String lastClientRecords(List<ConnectionFacts> reset) {
        Map<String, Long> counts = new TreeMap<>();
        for (ConnectionFacts c : reset) {
            WireConversation w = c.wire();
            w.lastRecord(Direction.CLIENT_TO_SERVER).ifPresent(r -> counts.merge(r.describe(), 1L, Long::sum));
        }
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String openAtStart(List<ConnectionFacts> reset) {
        Map<Integer, Long> counts = new TreeMap<>();
        reset.forEach(c -> counts.merge(c.openAtStart(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
