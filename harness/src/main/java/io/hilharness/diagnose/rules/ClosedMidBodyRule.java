package io.hilharness.diagnose.rules;

import io.hilharness.capture.CloseKind;
import io.hilharness.capture.Side;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
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
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The packet capture shows the board closing the connection (FIN or RST) before the body reached its
 * Content-Length: the missing bytes never left the board, they were not lost on the way or dropped by
 * the client. Together with the board's "sent N bytes" line for the whole response this points at the
 * firmware's write path (a partial {@code mbedtls_ssl_write} taken as complete). Needs a capture.
 */
public final class ClosedMidBodyRule implements DiagnosisRule {
    /** Short bodies the board must have closed on before the pattern is reported. */
    public static final int MIN_CONNECTIONS = 1;

    record Cut(ConnectionFacts connection, Exchange exchange) {
    }

    @Override
    public String name() {
        return "closed-mid-body";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        if (!evidence.captured()) {
            return List.of();
        }
        List<Cut> shortBodies = new ArrayList<>();
        for (ConnectionFacts c : evidence.connections()) {
            if (c.onWire().isEmpty()) {
                continue;
            }
            c.client().exchanges().stream().filter(ClosedMidBodyRule::isShort).findFirst()
                    .ifPresent(e -> shortBodies.add(new Cut(c, e)));
        }
        List<Cut> closedByBoard = shortBodies.stream()
                .filter(s -> s.connection().wire().closedBy() == Side.SERVER).toList();
        if (closedByBoard.size() < MIN_CONNECTIONS) {
            return List.of();
        }
        long fin = closedByBoard.stream().filter(s -> s.connection().wire().closeKind() == CloseKind.FIN).count();
        long rst = closedByBoard.size() - fin;
        long boardClaimedAll = closedByBoard.stream().filter(ClosedMidBodyRule::boardLoggedWhole).count();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("short bodies the board closed first on the wire", Examples.ratio(closedByBoard.size(), shortBodies.size()));
        facts.put("how the board closed", "FIN: " + fin + ", RST: " + rst);
        facts.put("received of announced (examples)", closedByBoard.stream().limit(Examples.MAX)
                .map(s -> s.exchange().path() + " " + s.exchange().bytesReceived() + " of " + s.exchange().contentLength())
                .collect(Collectors.joining(", ")));
        facts.put("bytes board to client on the wire (examples)", closedByBoard.stream().limit(Examples.MAX)
                .map(s -> "tcp.stream " + s.connection().wire().stream() + ": " + s.connection().wire().bytesServerToClient())
                .collect(Collectors.joining(", ")));
        if (boardClaimedAll > 0) {
            facts.put("board logged the whole response as sent", Examples.ratio(boardClaimedAll, closedByBoard.size()));
        }
        String rootCause = "The board closed " + closedByBoard.size() + " connection(s) mid-body: on the wire its "
                + (rst == 0 ? "FIN" : fin == 0 ? "RST" : "FIN or RST") + " came before the response reached its "
                + "Content-Length, so the missing bytes never left the board"
                + (boardClaimedAll > 0 ? ", although it logged the whole response as sent: its write path drops data "
                + "(a partial write taken as complete)." : ".");
        List<EvidenceItem> items = new ArrayList<>();
        for (ConnectionFacts c : Examples.spread(closedByBoard.stream().map(Cut::connection).toList())) {
            Exchange e = closedByBoard.stream().filter(s -> s.connection() == c).findFirst().orElseThrow().exchange();
            List<DeviceEvent> lines = c.device().stream().filter(d -> d.type() == EventType.RESPONSE_SENT
                    || d.type() == EventType.TLS_IO_ERROR || d.type() == EventType.CONNECTION_CLOSED).limit(4).toList();
            items.add(EvidenceItem.of(c, e.path() + ": received " + e.bytesReceived() + " of " + e.contentLength()
                    + " bytes, then the board closed (" + c.wire().closeKind() + ")", lines).withWire(WireSigns.closeRefs(c.wire())));
        }
        String fix = "Send every byte before closing: loop over mbedtls_ssl_write until the whole response is written, "
                + "continuing after a partial write and retrying on MBEDTLS_ERR_SSL_WANT_WRITE/WANT_READ; close (and "
                + "free the session) only after the last write returned.";
        double confidence = 0.75 + (boardClaimedAll > 0 ? 0.1 : 0);
        return List.of(new Finding(name(), rootCause, confidence, facts, items, fix)
                .explaining(closedByBoard.stream().map(Cut::connection).toList()));
    }

    /** Fewer body bytes than announced, and the exchange did not end well (a kept-alive one may still be reading). */
    private static boolean isShort(Exchange e) {
        return e.contentLength() != null && e.bytesReceived() < e.contentLength() && e.outcome() != Outcome.OK;
    }

    /** The board's "sent N bytes of PATH" line claims at least the announced length (isShort made sure there is one). */
    private static boolean boardLoggedWhole(Cut s) {
        long announced = s.exchange().contentLength();
        return s.connection().device().stream().anyMatch(e -> e.type() == EventType.RESPONSE_SENT
                && Objects.equals(e.path(), s.exchange().path()) && e.bytes() != null && e.bytes() >= announced);
    }
}
