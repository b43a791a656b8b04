package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinersTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static SessionSummary session(int boot, Integer port, SessionOutcome outcome, long seq) {
        return new SessionSummary(boot, port == null ? "ssl 0x1 #" + seq : "port " + port, port, null, seq, seq, 0,
                T, T, null, outcome, null, null, null, outcome == SessionOutcome.COMPLETED, List.of(), null, 1, null, null, null);
    }

    static ClientConnection client(String id, int boot, int port, int second, String outcome) {
        return new ClientConnection(id, boot, port, T.plusSeconds(second), outcome);
    }

    @Test
    void portJoinUsesPortAndBootAndEachSessionOnce() {
        SessionSummary a = session(1, 5000, SessionOutcome.COMPLETED, 1);
        SessionSummary b = session(2, 5000, SessionOutcome.EOF, 2);
        List<Join> joins = new PortJoiner().join(List.of(client("c1", 2, 5000, 1, "OK"), client("c2", 1, 5000, 2, "OK"),
                client("c3", 1, 6000, 3, "OK")), List.of(a, b));
        assertSame(b, joins.get(0).session());
        assertSame(a, joins.get(1).session());
        assertNull(joins.get(2).session());
        assertEquals(1.0, joins.get(0).confidence());
    }

    @Test
    void orderJoinPairsByOrderAndRatesConfidence() {
        List<SessionSummary> sessions = List.of(session(1, null, SessionOutcome.COMPLETED, 1),
                session(1, null, SessionOutcome.ALERT_RECEIVED, 2));
        List<Join> joins = new OrderJoiner().join(
                List.of(client("late", 1, 0, 5, "TLS_ALERT"), client("early", 1, 0, 1, "OK")), sessions);
        assertEquals("early", joins.get(0).client().id());
        assertSame(sessions.get(0), joins.get(0).session());
        assertEquals(0.9, joins.get(0).confidence());
        assertEquals(0.9, joins.get(1).confidence());

        List<Join> shifted = new OrderJoiner().join(List.of(client("a", 1, 0, 1, "OK"), client("b", 1, 0, 2, "OK"),
                client("c", 1, 0, 3, "OK")), sessions);
        assertEquals(0.3, shifted.get(0).confidence());
        assertNull(shifted.get(2).session());
    }

    @Test
    void forSessionsChoosesByPorts() {
        assertTrue(SessionJoiner.forSessions(List.of(session(1, 5, SessionOutcome.EOF, 1))) instanceof PortJoiner);
        assertTrue(SessionJoiner.forSessions(List.of(session(1, null, SessionOutcome.EOF, 1))) instanceof OrderJoiner);
    }

    @Test
    void journalClientsAreTheRoundsConnections(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Files.writeString(journal, """
                {"type":"campaign","data":{"image":"lab-ca"}}
                {"type":"boot","data":{"boot":1}}
                {"type":"round","data":{"boot":1,"round":1,"connections":[{"client":{"id":"r1-page","localPort":49584,"start":"2026-01-01T00:00:01Z","outcome":"OK"},"device":[]}]}}
                """);
        List<ClientConnection> clients = JournalClients.read(journal);
        assertEquals(List.of(new ClientConnection("r1-page", 1, 49584, T.plusSeconds(1), "OK")), clients);
    }
}
