package io.hilharness.diagnose.rules;

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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Failures confined to a window after boot: each boot's failures come first, right after its ready
 * line, and once the window is over every connection passes, boot after boot; the way a board that
 * announces itself before its initialisation has finished behaves. The window may differ per boot (a
 * random init delay): a boot whose rounds all fell inside it is consistent with the pattern, the boots
 * whose window ended show it.
 */
public final class BootWindowRule implements DiagnosisRule {
    /** At least this failure rate inside the windows (from a boot's ready line to its last failure). */
    public static final double MIN_RATE_IN_WINDOW = 0.8;
    /** Connections needed after the windows, over all boots, to show that the board then works. */
    public static final int MIN_AFTER = 10;
    /** Boots that must start with failures, so the window is seen to recur after reboots. */
    public static final int MIN_BOOTS_WITH_EARLY_FAILURES = 2;
    /**
     * Boots whose window ended (failures, then connections that passed). One is enough: with a random
     * init delay, failed handshakes are so fast that some boots spend all their rounds inside it.
     */
    public static final int MIN_BOOTS_WITH_WINDOW_ENDED = 1;
    /** Share of boots with failures whose very first connection failed (the window opens at the ready line). */
    public static final double MIN_SHARE_STARTING_WITH_FAILURE = 0.5;
    /** Significance of "inside the windows fails more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;

    private record BootWindow(int boot, List<ConnectionFacts> inside, List<ConnectionFacts> after) {
        long failedInside() {
            return inside.stream().filter(ConnectionFacts::failed).count();
        }

        boolean ended() {
            return !inside.isEmpty() && !after.isEmpty();
        }

        String describe() {
            ConnectionFacts last = inside.get(inside.size() - 1);
            String end = last.msSinceReady() != null ? last.msSinceReady() + " ms" : "connection " + last.indexSinceBoot();
            return "boot " + boot + ": " + failedInside() + "/" + inside.size() + " failed up to " + end
                    + (after.isEmpty() ? " (all rounds inside)" : ", then " + after.size() + " passed");
        }
    }

    @Override
    public String name() {
        return "boot-window";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        Map<Integer, List<ConnectionFacts>> byBoot = evidence.connections().stream()
                .collect(Collectors.groupingBy(ConnectionFacts::boot, TreeMap::new, Collectors.toList()));
        List<BootWindow> windows = new ArrayList<>();
        for (Map.Entry<Integer, List<ConnectionFacts>> e : byBoot.entrySet()) {
            List<ConnectionFacts> inOrder = e.getValue(); // Evidence keeps connections in start order per boot
            int lastFailure = -1;
            for (int i = 0; i < inOrder.size(); i++) {
                if (inOrder.get(i).failed()) {
                    lastFailure = i;
                }
            }
            if (lastFailure >= 0) {
                windows.add(new BootWindow(e.getKey(), inOrder.subList(0, lastFailure + 1),
                        inOrder.subList(lastFailure + 1, inOrder.size())));
            }
        }
        if (windows.isEmpty()) {
            return List.of();
        }
        long inside = windows.stream().mapToLong(w -> w.inside().size()).sum();
        long failedInside = windows.stream().mapToLong(BootWindow::failedInside).sum();
        // Boots without failures passed all along: they count as "after" (their window was empty).
        long after = evidence.connections().size() - inside;
        long ended = windows.stream().filter(BootWindow::ended).count();
        long startingWithFailure = windows.stream().filter(w -> w.inside().get(0).failed()).count();
        if ((double) failedInside / inside < MIN_RATE_IN_WINDOW || after < MIN_AFTER || ended < MIN_BOOTS_WITH_WINDOW_ENDED
                || windows.size() < MIN_BOOTS_WITH_EARLY_FAILURES
                || (double) startingWithFailure / windows.size() < MIN_SHARE_STARTING_WITH_FAILURE) {
            return List.of();
        }
        double p = Statistics.fisherExactGreater(failedInside, inside - failedInside, 0, after);
        if (p >= ALPHA) {
            return List.of();
        }
        long bootsTested = byBoot.size();
        long longestEnded = windows.stream().filter(BootWindow::ended)
                .map(w -> w.inside().get(w.inside().size() - 1).msSinceReady())
                .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(-1);

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("windows per boot", windows.stream().map(BootWindow::describe).collect(Collectors.joining("; ")));
        facts.put("failed inside the windows", Examples.ratio(failedInside, inside));
        facts.put("failed after the windows", Examples.ratio(0, after));
        facts.put("boots with early failures", Examples.ratio(windows.size(), bootsTested));
        facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(p));
        String windowText = longestEnded >= 0 ? "up to " + longestEnded + " ms after the ready line" : "right after boot";
        String rootCause = "The board accepts connections before it is ready to serve them: in " + windows.size() + " of "
                + bootsTested + " boots the first connections failed (" + failedInside + " of " + inside + ", "
                + windowText + "), and once that window was over none did (" + after + " connections).";
        // The first failures of two boots, and the first connection that passed once a window was over.
        List<ConnectionFacts> examples = new ArrayList<>();
        windows.stream().limit(Examples.MAX - 1).forEach(w -> examples.add(w.inside().get(0)));
        windows.stream().filter(BootWindow::ended).findFirst().ifPresent(w -> examples.add(w.after().get(0)));
        List<EvidenceItem> items = examples.stream().map(c -> EvidenceItem.of(c,
                (c.failed() ? "failed: " : "passed, after the window: ") + "connection " + c.indexSinceBoot() + " since boot"
                        + (c.msSinceReady() != null ? ", " + c.msSinceReady() + " ms after the ready line" : ""),
                c.failed() ? c.troubleLines(3) : List.of())).toList();
        String fix = "Print the ready line and start accepting connections only when initialisation is complete "
                + "(certificate and key loaded, RNG seeded, network and time up), or hold early connections until it is, "
                + "instead of serving them half-initialised.";
        return List.of(new Finding(name(), rootCause, 0.85, facts, items, fix)
                .explaining(windows.stream().flatMap(w -> w.inside().stream()).toList()));
    }
}
