package io.hilharness.report;

import io.hilharness.run.BootRecord;
import io.hilharness.run.RoundRecord;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        List<Long> handshakes = connections.stream().map(ConnectionRecord::handshakeMs).filter(Objects::nonNull).toList();
        return new BootRoundsSummary(boot.boot(), boot.reset().name().toLowerCase(), boot.deviceBoot(), boot.readyMs(),
                boot.failure(), rounds.size(), (int) rounds.stream().filter(RoundRecord::ok).count(), connections.size(),
                failures, Percentiles.of(handshakes, 50), Percentiles.of(handshakes, 95));
    }
}
