package io.hilharness.diagnose.rules;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Failure rate rising with the connections served since boot and reset by a reboot: the board works
 * for its first K connections after every boot and fails from then on, the signature of a resource
 * (heap, sessions, sockets, file handles) that each connection takes and never gives back.
 *
 * <p>Judged on the connections that had the board to themselves ({@link BoardLoad}): in parallel
 * mode a board short of memory also turns connections away while another one holds a session, from
 * the first round on. Those failures are the load's (the {@code concurrency} finding), not the
 * leak's; a leak shows when connections that nobody competed with fail too.
 */
public final class LeakRule implements DiagnosisRule {
    /** At most this failure rate before connection K, among connections that had the board to themselves. */
    public static final double MAX_RATE_BEFORE = 0.05;
    /** At least this failure rate from connection K on, among connections that had the board to themselves. */
    public static final double MIN_RATE_FROM = 0.3;
    /** K is at least this: a board that fails from its first connections has no leak to run out of. */
    public static final int MIN_CLEAN_CONNECTIONS = 3;
    /** Boots that must reach K and fail after it, so the reset by a reboot is seen. */
    public static final int MIN_BOOTS = 2;
    /** Significance of "from K on fails more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;

    /** A board's own heap report, e.g. "free heap: 51904 bytes" (reference board) or "Free heap: 51904" (ESP-IDF). */
    private static final Pattern FREE_HEAP = Pattern.compile("(?i)free heap\\D{0,3}(\\d{1,12})");

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
        Set<ConnectionFacts> busy = BoardLoad.servedBesideAnother(all);
        List<ConnectionFacts> alone = all.stream().filter(c -> !busy.contains(c)).toList();
        int bestK = -1;
        double bestP = 1;
        for (int k : new TreeSet<>(alone.stream().map(ConnectionFacts::indexSinceBoot).toList())) {
            if (k <= MIN_CLEAN_CONNECTIONS) {
                continue;
            }
            Optional<Double> p = test(alone, k);
            if (p.isPresent() && p.get() < bestP) {
                bestP = p.get();
                bestK = k;
            }
        }
        if (bestK < 0 || bestP >= ALPHA) {
            return List.of();
        }
        int k = bestK;
        List<ConnectionFacts> before = alone.stream().filter(c -> c.indexSinceBoot() < k).toList();
        List<ConnectionFacts> from = alone.stream().filter(c -> c.indexSinceBoot() >= k).toList();
        long failedBefore = before.stream().filter(ConnectionFacts::failed).count();
        List<ConnectionFacts> failedFrom = from.stream().filter(ConnectionFacts::failed).toList();
        // Every failure from K on is the leak's: once the board has run out, nothing it serves competes.
        List<ConnectionFacts> explained = all.stream().filter(c -> c.failed() && c.indexSinceBoot() >= k).toList();
        List<Integer> boots = failedFrom.stream().map(ConnectionFacts::boot).distinct().sorted().toList();
        long timeouts = failedFrom.stream().filter(c -> c.outcome() == Outcome.TIMEOUT).count();

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("first failure per boot", failedFrom.stream()
                .collect(Collectors.groupingBy(ConnectionFacts::boot, TreeMap::new,
                        Collectors.minBy(Comparator.comparingInt(ConnectionFacts::indexSinceBoot))))
                .entrySet().stream().map(e -> "boot " + e.getKey() + ": connection "
                        + e.getValue().map(ConnectionFacts::indexSinceBoot).orElse(0))
                .collect(Collectors.joining(", ")));
        facts.put("trend per boot", trend(all));
        heapTrend(all).ifPresent(h -> facts.put("free heap the board logged, per boot", h));
        facts.put("failed before connection " + k, Examples.ratio(failedBefore, before.size())
                + (busy.isEmpty() ? "" : " that had the board to themselves"));
        facts.put("failed from connection " + k + " on", Examples.ratio(failedFrom.size(), from.size())
                + (busy.isEmpty() ? "" : " that had the board to themselves"));
        facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(bestP));
        facts.put("failures by class", explained.stream().collect(Collectors.groupingBy(c -> c.outcome().name(),
                TreeMap::new, Collectors.counting())).toString());
        String served = busy.isEmpty()
                ? "every boot served its first " + (k - 1) + " connections (" + failedBefore + " of " + before.size() + " failed)"
                : "in every boot the connections that had the board to themselves passed up to connection " + (k - 1)
                        + " (" + failedBefore + " of " + before.size() + " failed)";
        String rootCause = "The board runs out of something each connection uses and a reboot gives back: " + served
                + ", then " + failedFrom.size() + " of " + from.size() + " from connection " + k + " on failed, in "
                + boots.size() + " boots" + heapTrend(all).map(h -> " (free heap " + h.split(";")[0].replaceFirst("boot \\d+: ", "") + ")")
                        .orElse("") + "." + outOfMemory(failedFrom, facts);
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
        return List.of(new Finding(name(), rootCause, 0.85 * (0.5 + 0.5 * nonTimeoutShare), facts, items, fix)
                .explaining(explained));
    }

    /**
     * What ran out, when the board's own lines say it (lwIP's {@code mem_malloc: could not allocate N
     * bytes}, mbedTLS's {@code alloc(N bytes) failed}): a sentence for the root cause, and a fact.
     */
    private static String outOfMemory(List<ConnectionFacts> failedFrom, Map<String, String> facts) {
        List<DeviceEvent> first = failedFrom.stream()
                .flatMap(c -> c.device().stream().filter(BoardLoad::outOfResources).limit(1)).toList();
        if (first.isEmpty()) {
            return "";
        }
        String line = first.get(0).message() != null ? first.get(0).message() : first.get(0).raw();
        facts.put("allocation failures the board logged", Examples.ratio(first.size(), failedFrom.size())
                + " failed connections from the cut on");
        return " The board's own lines name memory: '" + line + "' in " + first.size() + " of " + failedFrom.size()
                + " of these failures, so something allocated per connection outlives it (a leak, or a cache such as "
                + "a TLS session cache sized beyond the heap).";
    }

    /** e.g. "boot 1: served 6 of the first 31, then 0 of 209; boot 2: ...". */
    private static String trend(List<ConnectionFacts> all) {
        Map<Integer, List<ConnectionFacts>> byBoot = all.stream()
                .collect(Collectors.groupingBy(ConnectionFacts::boot, TreeMap::new, Collectors.toList()));
        List<String> boots = new ArrayList<>();
        byBoot.forEach((boot, connections) -> {
            int lastServed = connections.stream().filter(c -> !c.failed()).mapToInt(ConnectionFacts::indexSinceBoot)
                    .max().orElse(0);
            long served = connections.stream().filter(c -> !c.failed()).count();
            long upTo = connections.stream().filter(c -> c.indexSinceBoot() <= lastServed).count();
            boots.add("boot " + boot + ": served " + served + " of its first " + upTo + " connections, then 0 of "
                    + (connections.size() - upTo));
        });
        return String.join("; ", boots);
    }

    /** The board's free heap after each connection, per boot, e.g. "boot 1: 51904, 47808, ... 31424 bytes (-4096 a connection)". */
    private static Optional<String> heapTrend(List<ConnectionFacts> all) {
        Map<Integer, List<Long>> byBoot = new TreeMap<>();
        all.stream().sorted(Comparator.comparingInt(ConnectionFacts::boot).thenComparingInt(ConnectionFacts::indexSinceBoot))
                .forEach(c -> c.device().stream().map(LeakRule::freeHeap).flatMap(Optional::stream).reduce((a, b) -> b)
                        .ifPresent(bytes -> byBoot.computeIfAbsent(c.boot(), b -> new ArrayList<>()).add(bytes)));
        if (byBoot.values().stream().noneMatch(v -> v.size() >= 2)) {
            return Optional.empty();
        }
        return Optional.of(byBoot.entrySet().stream().map(e -> {
            List<Long> v = e.getValue();
            long first = v.get(0);
            long last = v.get(v.size() - 1);
            String step = v.size() < 2 ? "" : " (" + (last - first) / (v.size() - 1) + " bytes a connection)";
            return "boot " + e.getKey() + ": " + first + " to " + last + " bytes over " + v.size() + " connections" + step;
        }).collect(Collectors.joining("; ")));
    }

    private static Optional<Long> freeHeap(DeviceEvent e) {
        String text = e.raw() != null ? e.raw() : e.message();
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FREE_HEAP.matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The one-sided p-value for a split at connection k, when the split meets the rate and boot conditions. */
    private static Optional<Double> test(List<ConnectionFacts> alone, int k) {
        long nBefore = 0;
        long fBefore = 0;
        long nFrom = 0;
        long fFrom = 0;
        java.util.Set<Integer> bootsFailingFrom = new java.util.HashSet<>();
        for (ConnectionFacts c : alone) {
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
