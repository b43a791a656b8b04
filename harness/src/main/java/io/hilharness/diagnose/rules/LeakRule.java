package io.hilharness.diagnose.rules;

import io.hilharness.client.Outcome;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Failure rate rising with the connections served since boot and reset by a reboot: the board works
 * for its first K connections after every boot and fails from then on, the signature of a resource
 * (heap, sessions, sockets, file handles) that each connection takes and never gives back.
 */
public final class LeakRule implements DiagnosisRule {
    /** At most this failure rate before connection K. */
    public static final double MAX_RATE_BEFORE = 0.05;
    /** At least this failure rate from connection K on. */
    public static final double MIN_RATE_FROM = 0.3;
    /** K is at least this: a board that fails from its first connections has no leak to run out of. */
    public static final int MIN_CLEAN_CONNECTIONS = 3;
    /** Boots that must reach K and fail after it, so the reset by a reboot is seen. */
    public static final int MIN_BOOTS = 2;
    /** Significance of "from K on fails more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;

    @Override
    public String name() {
        return "leak";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> all = evidence.connections();
        if (evidence.failures().isEmpty()) {
            return List.of();
        }
        int bestK = -1;
        double bestP = 1;
        for (int k : new TreeSet<>(all.stream().map(ConnectionFacts::indexSinceBoot).toList())) {
            if (k <= MIN_CLEAN_CONNECTIONS) {
                continue;
            }
            Optional<Double> p = test(all, k);
            if (p.isPresent() && p.get() < bestP) {
                bestP = p.get();
                bestK = k;
            }
        }
        if (bestK < 0 || bestP >= ALPHA) {
            return List.of();
        }
        int k = bestK;
        List<ConnectionFacts> before = all.stream().filter(c -> c.indexSinceBoot() < k).toList();
        List<ConnectionFacts> from = all.stream().filter(c -> c.indexSinceBoot() >= k).toList();
        long failedBefore = before.stream().filter(ConnectionFacts::failed).count();
        List<ConnectionFacts> failedFrom = from.stream().filter(ConnectionFacts::failed).toList();
        List<Integer> boots = failedFrom.stream().map(ConnectionFacts::boot).distinct().sorted().toList();
        long timeouts = failedFrom.stream().filter(c -> c.outcome() == Outcome.TIMEOUT).count();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("first failure per boot", evidence.connections().stream().filter(ConnectionFacts::failed)
                .collect(Collectors.groupingBy(ConnectionFacts::boot, java.util.TreeMap::new,
                        Collectors.minBy(java.util.Comparator.comparingInt(ConnectionFacts::indexSinceBoot))))
                .entrySet().stream().map(e -> "boot " + e.getKey() + ": connection "
                        + e.getValue().map(ConnectionFacts::indexSinceBoot).orElse(0))
                .collect(Collectors.joining(", ")));
        facts.put("failed before connection " + k, Examples.ratio(failedBefore, before.size()));
        facts.put("failed from connection " + k + " on", Examples.ratio(failedFrom.size(), from.size()));
        facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(bestP));
        facts.put("failures by class", failedFrom.stream().collect(Collectors.groupingBy(c -> c.outcome().name(),
                java.util.TreeMap::new, Collectors.counting())).toString());
        String rootCause = "The board runs out of something each connection uses and a reboot gives back: every boot "
                + "served its first " + (k - 1) + " connections (" + failedBefore + " of " + before.size()
                + " failed), then " + failedFrom.size() + " of " + from.size() + " from connection " + k
                + " on failed, in " + boots.size() + " boots.";
        List<EvidenceItem> items = new ArrayList<>();
        for (int boot : boots.stream().limit(Examples.MAX).toList()) {
            failedFrom.stream().filter(c -> c.boot() == boot).findFirst().ifPresent(c -> items.add(EvidenceItem.of(c,
                    "first failure of boot " + boot + ", connection " + c.indexSinceBoot() + " since boot",
                    c.troubleLines(3))));
        }
        String fix = "Find what a connection leaves behind (a session, socket, buffer or file handle not freed on "
                + "some path, typically an error or close path): watch free heap and open sessions in the board's "
                + "status output across connections; free it on every path out of the connection handler.";
        // Connections that time out from K on point at a board that hangs (its own finding), not one running out.
        double nonTimeoutShare = failedFrom.isEmpty() ? 0 : 1.0 - (double) timeouts / failedFrom.size();
        return List.of(new Finding(name(), rootCause, 0.85 * (0.5 + 0.5 * nonTimeoutShare), facts, items, fix));
    }

    /** The one-sided p-value for a split at connection k, when the split meets the rate and boot conditions. */
    private static Optional<Double> test(List<ConnectionFacts> all, int k) {
        long nBefore = 0;
        long fBefore = 0;
        long nFrom = 0;
        long fFrom = 0;
        java.util.Set<Integer> bootsFailingFrom = new java.util.HashSet<>();
        for (ConnectionFacts c : all) {
            if (c.indexSinceBoot() < k) {
                nBefore++;
                fBefore += c.failed() ? 1 : 0;
            } else {
                nFrom++;
                if (c.failed()) {
                    fFrom++;
                    bootsFailingFrom.add(c.boot());
                }
            }
        }
        if (nBefore == 0 || nFrom == 0 || bootsFailingFrom.size() < MIN_BOOTS
                || (double) fBefore / nBefore > MAX_RATE_BEFORE || (double) fFrom / nFrom < MIN_RATE_FROM) {
            return Optional.empty();
        }
        return Optional.of(Statistics.fisherExactGreater(fFrom, nFrom - fFrom, fBefore, nBefore - fBefore));
    }
}
