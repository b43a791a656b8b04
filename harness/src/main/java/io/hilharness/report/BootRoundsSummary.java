package io.hilharness.report;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.RoundRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * One line of the summary: a boot's rounds, how many passed, its failed connections by outcome
 * class and its handshake times.
 *
 * @param handshakeP50Ms      median duration of the boot's completed TLS handshakes; null without one
 * @param handshakeP95Ms      95th percentile of the same
 * @param handshakesFailed    handshakes that started and did not complete, other than by a timeout (a
 *                            rejected chain, a server alert, a reset): not in the percentiles, whose
 *                            milliseconds-fast failures would make the board look quick
 * @param handshakesTimedOut  connections that timed out before a handshake completed: not in the percentiles
 */
public record BootRoundsSummary(int boot, String reset, Integer deviceBoot, Long readyMs, String bootFailure,
                                int rounds, int roundsOk, int connections, Map<Outcome, Integer> failures,
                                Long handshakeP50Ms, Long handshakeP95Ms, int handshakesFailed, int handshakesTimedOut) {

    public static BootRoundsSummary of(BootRecord boot, List<RoundRecord> rounds) {
        Map<Outcome, Integer> failures = new EnumMap<>(Outcome.class);
        List<ConnectionRecord> connections = rounds.stream()
                .flatMap(r -> r.connections().stream()).map(CorrelatedConnection::client).toList();
        for (ConnectionRecord c : connections) {
            if (c.outcome() != Outcome.OK) {
                failures.merge(c.outcome(), 1, Integer::sum);
            }
        }
        double[] handshakes = connections.stream().filter(BootRoundsSummary::handshakeCompleted)
                .mapToDouble(c -> c.handshakeMs().doubleValue()).toArray();
        List<ConnectionRecord> notCompleted = connections.stream()
                .filter(c -> !handshakeCompleted(c) && c.connectMs() != null && c.outcome() != Outcome.REFUSED).toList();
        int timedOut = (int) notCompleted.stream().filter(c -> c.outcome() == Outcome.TIMEOUT).count();
        return new BootRoundsSummary(boot.boot(), boot.reset().name().toLowerCase(), boot.deviceBoot(), boot.readyMs(),
                boot.failure(), rounds.size(), (int) rounds.stream().filter(RoundRecord::ok).count(), connections.size(),
                failures, nearestRank(handshakes, 50), nearestRank(handshakes, 95), notCompleted.size() - timedOut, timedOut);
    }

    /**
     * The client completed its handshake: the connection passed, or a request on it got a response
     * (a client sends its request only after its handshake, and a failed one leaves no response).
     */
    static boolean handshakeCompleted(ConnectionRecord c) {
        return c.handshakeMs() != null
                && (c.outcome() == Outcome.OK || c.exchanges().stream().anyMatch(e -> e.httpStatus() != null));
    }

    /** e.g. "3 failed, 1 timed out", or "-". */
    String handshakesNotCompleted() {
        if (handshakesFailed == 0 && handshakesTimedOut == 0) {
            return "-";
        }
        return handshakesFailed + " failed" + (handshakesTimedOut == 0 ? "" : ", " + handshakesTimedOut + " timed out");
    }

    /** The p-th percentile by nearest rank (always one of the values), or null without values. */
    private static Long nearestRank(double[] values, double p) {
        return values.length == 0 ? null
                : (long) new Percentile(p).withEstimationType(Percentile.EstimationType.R_1).evaluate(values);
    }
}
