package io.hilharness.report;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.RoundRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * One line of the summary: a boot's rounds, how many passed, its failed connections by outcome
 * class and its handshake times.
 */
public record BootRoundsSummary(int boot, String reset, Integer deviceBoot, Long readyMs, String bootFailure,
                                int rounds, int roundsOk, int connections, Map<Outcome, Integer> failures,
                                Long handshakeP50Ms, Long handshakeP95Ms) {

    public static BootRoundsSummary of(BootRecord boot, List<RoundRecord> rounds) {
        Map<Outcome, Integer> failures = new EnumMap<>(Outcome.class);
        List<ConnectionRecord> connections = rounds.stream()
                .flatMap(r -> r.connections().stream()).map(CorrelatedConnection::client).toList();
        for (ConnectionRecord c : connections) {
            if (c.outcome() != Outcome.OK) {
                failures.merge(c.outcome(), 1, Integer::sum);
            }
        }
        double[] handshakes = connections.stream().map(ConnectionRecord::handshakeMs).filter(Objects::nonNull)
                .mapToDouble(Long::doubleValue).toArray();
        return new BootRoundsSummary(boot.boot(), boot.reset().name().toLowerCase(), boot.deviceBoot(), boot.readyMs(),
                boot.failure(), rounds.size(), (int) rounds.stream().filter(RoundRecord::ok).count(), connections.size(),
                failures, nearestRank(handshakes, 50), nearestRank(handshakes, 95));
    }

    /** The p-th percentile by nearest rank (always one of the values), or null without values. */
    private static Long nearestRank(double[] values, double p) {
        return values.length == 0 ? null
                : (long) new Percentile(p).withEstimationType(Percentile.EstimationType.R_1).evaluate(values);
    }
}
