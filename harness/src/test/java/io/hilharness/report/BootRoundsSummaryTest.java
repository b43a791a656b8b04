package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.RoundRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BootRoundsSummaryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final BootRecord BOOT = new BootRecord(1, ResetKind.SOFT, T0, 1, "software", 10L, null);

    @Test
    void handshakePercentilesAreNearestRanks() {
        BootRoundsSummary twenty = summary(LongStream.rangeClosed(1, 20).map(i -> 21 - i).boxed().toArray(Long[]::new));
        assertEquals(10L, twenty.handshakeP50Ms());
        assertEquals(19L, twenty.handshakeP95Ms());

        BootRoundsSummary three = summary(30L, 10L, 20L);
        assertEquals(20L, three.handshakeP50Ms());
        assertEquals(30L, three.handshakeP95Ms());

        BootRoundsSummary one = summary(7L, null);
        assertEquals(7L, one.handshakeP50Ms());
        assertEquals(7L, one.handshakeP95Ms());
    }

    @Test
    void noHandshakeTimesNoPercentiles() {
        BootRoundsSummary none = summary((Long) null);
        assertNull(none.handshakeP50Ms());
        assertNull(none.handshakeP95Ms());
    }

    @Test
    void failuresAreCountedByOutcome() {
        RoundRecord round = new RoundRecord(1, 1, T0, T0, List.of(conn(5L, Outcome.OK), conn(null, Outcome.RESET),
                conn(null, Outcome.RESET), conn(null, Outcome.TIMEOUT)), List.of(), Set.of());
        BootRoundsSummary s = BootRoundsSummary.of(BOOT, List.of(round));
        assertEquals(Map.of(Outcome.RESET, 2, Outcome.TIMEOUT, 1), s.failures());
        assertEquals(0, s.roundsOk());
        assertEquals(4, s.connections());
    }

    @Test
    void onlyCompletedHandshakesMakeThePercentiles() {
        // A rejected chain fails its handshake in 2 ms, a reset one in 3: counted beside, not in, the percentiles.
        RoundRecord round = new RoundRecord(1, 1, T0, T0, List.of(conn(100L, Outcome.OK), conn(300L, Outcome.OK),
                conn(2L, Outcome.CERT_REJECTED), conn(3L, Outcome.RESET), conn(10_000L, Outcome.TIMEOUT),
                conn(null, Outcome.REFUSED)), List.of(), Set.of());
        BootRoundsSummary s = BootRoundsSummary.of(BOOT, List.of(round));
        assertEquals(100L, s.handshakeP50Ms());
        assertEquals(300L, s.handshakeP95Ms());
        assertEquals(2, s.handshakesFailed());
        assertEquals(1, s.handshakesTimedOut());
        assertEquals("2 failed, 1 timed out", s.handshakesNotCompleted());
    }

    @Test
    void aResponseShowsTheHandshakeCompletedEvenWhenTheConnectionFailedLater() {
        Exchange cut = new Exchange("/big", 200, 5000L, 1200, null, 40, Outcome.TRUNCATED, "short body");
        CorrelatedConnection truncated = new CorrelatedConnection(new ConnectionRecord("c", 1, 1, 40000, "127.0.0.1:1",
                T0, T0, 1L, 80L, null, null, List.of(), List.of(cut), Outcome.TRUNCATED, null), List.of());
        BootRoundsSummary s = BootRoundsSummary.of(BOOT, List.of(new RoundRecord(1, 1, T0, T0, List.of(truncated),
                List.of(), Set.of())));
        assertEquals(80L, s.handshakeP50Ms());
        assertEquals("-", s.handshakesNotCompleted());
    }

    private static BootRoundsSummary summary(Long... handshakeMs) {
        List<CorrelatedConnection> connections = java.util.Arrays.stream(handshakeMs).map(ms -> conn(ms, Outcome.OK)).toList();
        return BootRoundsSummary.of(BOOT, List.of(new RoundRecord(1, 1, T0, T0, connections, List.of(), Set.of())));
    }

    private static CorrelatedConnection conn(Long handshakeMs, Outcome outcome) {
        return new CorrelatedConnection(new ConnectionRecord("c", 1, 1, 40000, "127.0.0.1:1", T0, T0, 1L, handshakeMs,
                null, null, List.of(), List.of(), outcome, null), List.of());
    }
}
