package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundsInMemoryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void plainPassedRoundsKeepTheirClientRecordsOnly() {
        List<RoundRecord> given = IntStream.rangeClosed(1, 30).mapToObj(r -> round(1, r, Outcome.OK)).toList();

        List<RoundRecord> kept = keep(0, given);

        assertEquals(given.size(), kept.size());
        for (int i = 0; i < given.size(); i++) {
            assertEquals(given.get(i).withoutBulkyEvidence(), kept.get(i), "round " + (i + 1));
        }
    }

    @Test
    void theRoundsOfTheFirstPassedConnectionsStayWhole() {
        // Two passed connections a round: the first five passed are in rounds 1-3.
        List<RoundRecord> given = IntStream.rangeClosed(1, 30).mapToObj(r -> round(1, r, Outcome.OK)).toList();

        assertEquals(List.of(1, 2, 3), wholeRounds(keep(5, given)));
    }

    @Test
    void aFailureKeepsItsNeighboursInTheSameBootWhole() {
        List<RoundRecord> given = new ArrayList<>();
        for (int r = 1; r <= 40; r++) {
            given.add(round(1, r, r == 15 ? Outcome.SERVER_ALERT : Outcome.OK));
        }

        List<RoundRecord> kept = keep(0, given);

        assertEquals(IntStream.rangeClosed(15 - RoundsInMemory.NEIGHBOURS, 15 + RoundsInMemory.NEIGHBOURS).boxed().toList(),
                wholeRounds(kept));
        assertEquals(given.get(14), kept.get(14), "the failed round itself, unchanged");
    }

    @Test
    void neighboursInOtherBootsAreNotKept() {
        List<RoundRecord> given = new ArrayList<>();
        for (int boot = 1; boot <= 3; boot++) {
            for (int r = 1; r <= 5; r++) {
                given.add(round(boot, r, boot == 2 && r == 1 ? Outcome.TIMEOUT : Outcome.OK));
            }
        }

        List<RoundRecord> kept = keep(0, given);

        List<String> whole = kept.stream().filter(RoundsInMemoryTest::whole).map(r -> r.boot() + "." + r.round()).toList();
        assertEquals(List.of("2.1", "2.2", "2.3", "2.4", "2.5"), whole);
    }

    @Test
    void aDeviceSessionNoClientExplainsIsTroubleToo() {
        assertEquals(IntStream.rangeClosed(15, 30).boxed().toList(), wholeRounds(keep(0, withSessionInRound25(null))));
    }

    @Test
    void lateLinesOfTheRoundBeforesConnectionAreNoTrouble() {
        assertEquals(List.of(), wholeRounds(keep(0, withSessionInRound25("b1r24c2"))));
    }

    private static List<RoundRecord> withSessionInRound25(String lateFor) {
        List<RoundRecord> given = new ArrayList<>();
        for (int r = 1; r <= 30; r++) {
            RoundRecord round = round(1, r, Outcome.OK);
            if (r == 25) {
                round = new RoundRecord(1, r, round.start(), round.end(), round.connections(),
                        List.of(new DeviceSession(50_000, List.of(event(9_999, 50_000)), lateFor)), Set.of());
            }
            given.add(round);
        }
        return given;
    }

    private static List<RoundRecord> keep(int passedWhole, List<RoundRecord> rounds) {
        RoundsInMemory memory = new RoundsInMemory(passedWhole);
        rounds.forEach(memory::add);
        return memory.rounds();
    }

    private static List<Integer> wholeRounds(List<RoundRecord> rounds) {
        return rounds.stream().filter(RoundsInMemoryTest::whole).map(RoundRecord::round).toList();
    }

    /** Whole: its connections still have their device lines and the server chain. */
    private static boolean whole(RoundRecord round) {
        return round.connections().stream().allMatch(c -> !c.device().isEmpty() && !c.client().peerChain().isEmpty());
    }

    /** Two connections, the second with the given outcome, each with its chain and two device lines. */
    private static RoundRecord round(int boot, int round, Outcome second) {
        Instant start = T0.plusSeconds(boot * 1000L + round);
        List<CorrelatedConnection> connections = List.of(connection(boot, round, 1, start, Outcome.OK),
                connection(boot, round, 2, start, second));
        return new RoundRecord(boot, round, start, start.plusMillis(500), connections, List.of(), Set.of());
    }

    private static CorrelatedConnection connection(int boot, int round, int n, Instant start, Outcome outcome) {
        int port = 40_000 + round * 2 + n;
        ConnectionRecord client = new ConnectionRecord("b" + boot + "r" + round + "c" + n, boot, round, port,
                "127.0.0.1:8443", start, start.plusMillis(200), 1L, 100L, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                List.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
                List.of(new Exchange("/style.css", 200, 10L, 10, Boolean.TRUE, 50, outcome, null)), outcome, null);
        return new CorrelatedConnection(client, List.of(event(round * 10L + n, port), event(round * 10L + n + 5, port)));
    }

    private static DeviceEvent event(long seq, int port) {
        return DeviceEvent.builder().seq(seq).offset(seq * 80).hostTime(T0).boot(1).type(EventType.OTHER)
                .port(port).message("line " + seq).raw("line " + seq).build();
    }
}
