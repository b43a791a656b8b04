package io.hilharness.report;

import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A connection with the two facts the failure charts group by, both derived from the client's own
 * timestamps: how many connections of the same boot were open when it started (concurrency), and
 * how many the board had served since it booted (index since boot). Heap and session-slot leaks on
 * a board show up as failures that grow with one of them.
 *
 * @param indexSinceBoot 1 for the first connection after the reset, in order of start
 * @param concurrency    connections of the same boot open at its start, itself included
 */
record ConnectionFacts(int boot, int round, int indexSinceBoot, int concurrency, CorrelatedConnection connection) {

    ConnectionRecord client() {
        return connection.client();
    }

    Outcome outcome() {
        return client().outcome();
    }

    boolean failed() {
        return outcome() != Outcome.OK;
    }

    static List<ConnectionFacts> of(CampaignResult result) {
        List<ConnectionFacts> all = new ArrayList<>();
        result.boots().forEach(boot -> all.addAll(ofBoot(boot.boot(),
                result.rounds().stream().filter(r -> r.boot() == boot.boot()).toList())));
        return all;
    }

    private static List<ConnectionFacts> ofBoot(int boot, List<RoundRecord> rounds) {
        record Placed(int round, CorrelatedConnection connection) {
            Instant start() {
                return connection.client().start() == null ? Instant.EPOCH : connection.client().start();
            }

            Instant end() {
                return connection.client().end() == null ? start() : connection.client().end();
            }
        }
        List<Placed> placed = rounds.stream()
                .flatMap(r -> r.connections().stream().map(c -> new Placed(r.round(), c)))
                .sorted(Comparator.comparing(Placed::start)).toList();
        List<ConnectionFacts> facts = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            int open = 1;
            for (int j = 0; j < i; j++) {
                if (placed.get(j).end().isAfter(p.start())) {
                    open++;
                }
            }
            facts.add(new ConnectionFacts(boot, p.round(), i + 1, open, p.connection()));
        }
        return facts;
    }
}
