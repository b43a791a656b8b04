package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConnectionPlacementTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void withoutBoardLinesTheHostClockCountsConnectionsOpenAtTheStartAndTheIndexRestartsEachBoot() {
        // boot 1: three at once (0-100, 10-100, 20-50), then one alone at 200; boot 2: one.
        RoundRecord b1r1 = round(1, 1, conn(0, 100, Outcome.OK), conn(10, 100, Outcome.RESET), conn(20, 50, Outcome.OK));
        RoundRecord b1r2 = round(1, 2, conn(200, 250, Outcome.TIMEOUT));
        RoundRecord b2r1 = round(2, 1, conn(5000, 5100, Outcome.OK));

        List<ConnectionPlacement> placed = ConnectionPlacement.of(List.of(b1r1, b1r2, b2r1));

        assertEquals(List.of(1, 2, 3, 4, 1), placed.stream().map(ConnectionPlacement::indexSinceBoot).toList());
        assertEquals(List.of(1, 2, 3, 1, 1), placed.stream().map(ConnectionPlacement::openAtStart).toList());
        assertEquals(List.of(1, 1, 1, 2, 1), placed.stream().map(ConnectionPlacement::round).toList());
        assertEquals(List.of(1, 1, 1, 1, 2), placed.stream().map(ConnectionPlacement::boot).toList());
    }

    @Test
    void theBoardsLogOrderDecidesWhereItLoggedBothConnections() {
        // The client started b first by a millisecond; the board accepted a first and served b inside a's session.
        CorrelatedConnection a = new CorrelatedConnection(conn(1, 50, Outcome.OK).client(), lines(1, 10));
        CorrelatedConnection b = new CorrelatedConnection(conn(0, 5, Outcome.RESET).client(), lines(3, 4));

        List<ConnectionPlacement> placed = ConnectionPlacement.of(List.of(round(1, 1, a, b)));

        assertEquals(List.of(b, a), placed.stream().map(ConnectionPlacement::connection).toList(), "boot order: client start");
        assertEquals(List.of(2, 1), placed.stream().map(ConnectionPlacement::openAtStart).toList());
    }

    @Test
    void boardSessionsOverlapWhenTheirLogSpansDo() {
        CorrelatedConnection a = new CorrelatedConnection(conn(0, 1, Outcome.OK).client(), lines(1, 5));
        CorrelatedConnection inside = new CorrelatedConnection(conn(0, 1, Outcome.OK).client(), lines(2, 3));
        CorrelatedConnection after = new CorrelatedConnection(conn(0, 1, Outcome.OK).client(), lines(6, 7));
        CorrelatedConnection silent = conn(0, 1, Outcome.OK);

        assertTrue(ConnectionPlacement.boardSessionsOverlap(a, inside));
        assertTrue(ConnectionPlacement.boardSessionsOverlap(inside, a));
        assertFalse(ConnectionPlacement.boardSessionsOverlap(a, after));
        assertFalse(ConnectionPlacement.boardSessionsOverlap(a, silent));
    }

    private static List<DeviceEvent> lines(long firstSeq, long lastSeq) {
        return LongStream.rangeClosed(firstSeq, lastSeq)
                .mapToObj(seq -> DeviceEvent.builder().seq(seq).offset(seq * 80).boot(1).raw("line " + seq).build()).toList();
    }

    private static RoundRecord round(int boot, int round, CorrelatedConnection... connections) {
        return new RoundRecord(boot, round, T0, T0, List.of(connections), List.of(), Set.of());
    }

    private static CorrelatedConnection conn(long startMs, long endMs, Outcome outcome) {
        return new CorrelatedConnection(new ConnectionRecord("c", null, null, 40000, "127.0.0.1:1", T0.plusMillis(startMs),
                T0.plusMillis(endMs), null, null, null, null, List.of(), List.of(), outcome, null), List.of());
    }
}
