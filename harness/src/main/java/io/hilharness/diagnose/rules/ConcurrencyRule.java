package io.hilharness.diagnose.rules;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import io.hilharness.run.ConnectionPlacement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Failures only under concurrency: connections fail when several are open at once and never when
 * few are, the way a board with room for N TLS sessions (heap, session slots, listen backlog) fails
 * the N+1st. The number open is each connection's {@link ConnectionPlacement#openAtStart}, the
 * count the report's concurrency chart shows; the board's allocation and setup errors
 * ({@code alloc failed}, {@code mbedtls_ssl_setup failed: -0x7f00}) are cited when it logged them.
 */
public final class ConcurrencyRule implements DiagnosisRule {
    /** At most this failure rate at or below the concurrency limit. */
    public static final double MAX_RATE_AT_LOW = 0.1;
    /** At least this failure rate above the concurrency limit. */
    public static final double MIN_RATE_AT_HIGH = 0.2;
    /** Significance of "above the limit fails more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;
    /** Out-of-resource failures, each while another connection was being served, that suffice on their own. */
    public static final int MIN_OUT_OF_RESOURCE_OVERLAPS = 3;

    private static final String FIX = "Size the board for the connections browsers open at once (up to 6 per host): "
            + "give mbedTLS enough heap for that many sessions (each needs its in/out record buffers; "
            + "MBEDTLS_SSL_MAX_CONTENT_LEN or max_fragment_length shrink them), raise the session limit and the listen "
            + "backlog, or queue connections instead of failing them.";

    @Override
    public String name() {
        return "concurrency";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> all = evidence.connections();
        TreeMap<Integer, long[]> byLevel = new TreeMap<>(); // level -> {failed, total}
        for (ConnectionFacts c : all) {
            long[] counts = byLevel.computeIfAbsent(c.openAtStart(), k -> new long[2]);
            counts[0] += c.failed() ? 1 : 0;
            counts[1]++;
        }
        if (byLevel.size() < 2) {
            return outOfResourcesWhileBusy(all); // one level of concurrency: nothing to compare
        }
        int bestLimit = -1;
        double bestP = 1;
        for (int limit : byLevel.keySet()) {
            long[] low = sum(byLevel.headMap(limit, true));
            long[] high = sum(byLevel.tailMap(limit, false));
            if (high[1] == 0 || low[1] == 0) {
                continue;
            }
            double lowRate = (double) low[0] / low[1];
            double highRate = (double) high[0] / high[1];
            if (lowRate > MAX_RATE_AT_LOW || highRate < MIN_RATE_AT_HIGH) {
                continue;
            }
            double p = Statistics.fisherExactGreater(high[0], high[1] - high[0], low[0], low[1] - low[0]);
            if (p < bestP) {
                bestP = p;
                bestLimit = limit;
            }
        }
        if (bestLimit < 0 || bestP >= ALPHA) {
            return outOfResourcesWhileBusy(all);
        }
        int limit = bestLimit;
        long[] low = sum(byLevel.headMap(limit, true));
        long[] high = sum(byLevel.tailMap(limit, false));
        List<ConnectionFacts> failedHigh = all.stream().filter(c -> c.failed() && c.openAtStart() > limit).toList();
        List<DeviceEvent> allocation = all.stream()
                .flatMap(c -> c.device().stream().filter(BoardLoad::outOfResources).limit(1)).toList();
        List<DeviceEvent> unmatchedAllocation = evidence.rounds().stream().flatMap(r -> r.unmatchedDevice().stream())
                .flatMap(s -> s.events().stream()).filter(BoardLoad::outOfResources).toList();
        long refused = failedHigh.stream().filter(c -> c.outcome() == Outcome.REFUSED).count();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("failure rate by connections open at once", byLevel.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()[0] + "/" + e.getValue()[1]).collect(Collectors.joining(", ")));
        facts.put("at most " + limit + " open", Examples.ratio(low[0], low[1]) + " failed");
        facts.put("more than " + limit + " open", Examples.ratio(high[0], high[1]) + " failed");
        facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(bestP));
        facts.put("connections the board failed for lack of resources", String.valueOf(allocation.size()));
        if (!unmatchedAllocation.isEmpty()) {
            facts.put("out-of-resource lines for connections no client record matched", String.valueOf(unmatchedAllocation.size()));
        }
        if (refused > 0) {
            facts.put("connections refused", String.valueOf(refused));
        }
        String deviceSide = allocation.isEmpty() && unmatchedAllocation.isEmpty() ? ""
                : "; the board logged allocation/setup failures for " + allocation.size() + " connections (" + allocation.stream().findFirst()
                        .or(() -> unmatchedAllocation.stream().findFirst()).map(ConcurrencyRule::shortText).orElse("") + ")";
        String rootCause = "The board cannot serve more than " + limit + " connection(s) at once: "
                + Examples.ratio(high[0], high[1]) + " connections failed with more than " + limit + " open, "
                + Examples.ratio(low[0], low[1]) + " with " + limit + " or fewer" + deviceSide + ".";

        List<EvidenceItem> items = new ArrayList<>();
        for (ConnectionFacts c : Examples.spread(failedHigh)) {
            List<DeviceEvent> lines = c.device().stream().filter(BoardLoad::outOfResources).toList();
            items.add(EvidenceItem.of(c, c.openAtStart() + " connections open when it started",
                    lines.isEmpty() ? c.troubleLines(3) : lines));
        }
        if (!unmatchedAllocation.isEmpty()) {
            items.add(EvidenceItem.ofDevice(unmatchedAllocation.get(0).boot(),
                    "allocation failures the board logged for connections no client record matched",
                    unmatchedAllocation.stream().limit(Examples.MAX).toList()));
        }
        double confidence = 0.8 + (allocation.isEmpty() && unmatchedAllocation.isEmpty() ? 0 : 0.12);
        return List.of(new Finding(name(), rootCause, confidence, facts, items, FIX).explaining(failedHigh));
    }

    /**
     * The board's own word, for when the counts cannot tell: connection threads log in any order, so
     * a connection refused for lack of a session can appear to start before the one holding it. A
     * failure the board logged as out of resources while another of our connections held a session
     * (their log spans overlap) is a concurrency failure whatever the order of the first lines. When
     * every connection is turned away, nothing held a session: that is no concurrency limit.
     */
    private List<Finding> outOfResourcesWhileBusy(List<ConnectionFacts> all) {
        Set<ConnectionFacts> busy = BoardLoad.servedBesideAnother(all);
        List<ConnectionFacts> starved = all.stream()
                .filter(c -> c.failed() && c.device().stream().anyMatch(BoardLoad::outOfResources) && busy.contains(c))
                .toList();
        if (starved.size() < MIN_OUT_OF_RESOURCE_OVERLAPS) {
            return List.of();
        }
        long failed = all.stream().filter(ConnectionFacts::failed).count();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("failed for lack of resources while another connection was served", starved.size() + " of " + failed + " failures");
        List<EvidenceItem> items = Examples.spread(starved).stream()
                .map(c -> EvidenceItem.of(c, "out of resources while another connection was on the board",
                        c.device().stream().filter(BoardLoad::outOfResources).toList()))
                .toList();
        String rootCause = "The board runs out of TLS session resources when connections overlap: " + starved.size()
                + " connections failed with allocation/setup errors ("
                + shortText(starved.get(0).device().stream().filter(BoardLoad::outOfResources).findFirst().orElseThrow())
                + ") while another connection was being served.";
        return List.of(new Finding(name(), rootCause, 0.85, facts, items, FIX).explaining(starved));
    }

    private static long[] sum(Map<Integer, long[]> levels) {
        long[] total = new long[2];
        levels.values().forEach(v -> {
            total[0] += v[0];
            total[1] += v[1];
        });
        return total;
    }

    private static String shortText(DeviceEvent e) {
        return e.message() != null ? e.message() : e.raw();
    }
}
