package io.hilharness.diagnose.rules;

import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Failures confined to a window after boot: connections fail in the first moments after a boot's
 * ready line and never later, boot after boot, the way a board that announces itself before its
 * initialisation has finished behaves. The window is measured in milliseconds from the ready line
 * when the journal has the boot's timing, else in connections since boot.
 */
public final class BootWindowRule implements DiagnosisRule {
    /** The window is the smallest that holds this share of all failures (one stray late failure may fall outside). */
    public static final double FAILURE_SHARE_IN_WINDOW = 0.9;
    /** At most this failure rate after the window. */
    public static final double MAX_RATE_AFTER = 0.05;
    /** At least this failure rate inside the window. */
    public static final double MIN_RATE_IN_WINDOW = 0.3;
    /** The window may hold at most this share of the campaign's connections (else failures are not "early"). */
    public static final double MAX_WINDOW_SHARE = 0.5;
    /** Connections needed after the window to show that the board then works. */
    public static final int MIN_AFTER = 10;
    /** Significance of "inside the window fails more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;

    @Override
    public String name() {
        return "boot-window";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> all = evidence.connections();
        List<ConnectionFacts> failures = evidence.failures();
        if (failures.isEmpty()) {
            return List.of();
        }
        boolean timed = all.stream().allMatch(c -> c.msSinceReady() != null);
        ToLongFunction<ConnectionFacts> position = timed ? ConnectionFacts::msSinceReady : c -> c.indexInBoot();
        List<Long> failedAt = failures.stream().mapToLong(position).sorted().boxed().toList();
        int k = (int) Math.ceil(FAILURE_SHARE_IN_WINDOW * failedAt.size());
        long window = failedAt.get(Math.max(0, k - 1));
        List<ConnectionFacts> inside = all.stream().filter(c -> position.applyAsLong(c) <= window).toList();
        List<ConnectionFacts> after = all.stream().filter(c -> position.applyAsLong(c) > window).toList();
        long failedInside = inside.stream().filter(ConnectionFacts::failed).count();
        long failedAfter = after.stream().filter(ConnectionFacts::failed).count();
        long bootsWithEarlyFailures = inside.stream().filter(ConnectionFacts::failed).map(ConnectionFacts::boot).distinct().count();
        long bootsTested = all.stream().map(ConnectionFacts::boot).distinct().count();
        if (after.size() < MIN_AFTER
                || (double) failedAfter / after.size() > MAX_RATE_AFTER
                || (double) failedInside / inside.size() < MIN_RATE_IN_WINDOW
                || (double) inside.size() / all.size() > MAX_WINDOW_SHARE
                || bootsWithEarlyFailures < Math.min(2, bootsTested)) {
            return List.of();
        }
        double p = Statistics.fisherExactGreater(failedInside, inside.size() - failedInside, failedAfter,
                after.size() - failedAfter);
        if (p >= ALPHA) {
            return List.of();
        }
        int lastIndexInWindow = inside.stream().mapToInt(ConnectionFacts::indexInBoot).max().orElse(0);
        String windowText = timed ? "the first " + window + " ms after each boot's ready line"
                : "the first " + window + " connections after each boot";

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("window", timed ? window + " ms after the ready line (up to connection " + lastIndexInWindow + " since boot)"
                : window + " connections since boot");
        facts.put("failed inside the window", Examples.ratio(failedInside, inside.size()));
        facts.put("failed after the window", Examples.ratio(failedAfter, after.size()));
        facts.put("boots with early failures", Examples.ratio(bootsWithEarlyFailures, bootsTested));
        facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(p));
        String rootCause = "The board accepts connections before it is ready to serve them: " + failedInside + " of "
                + inside.size() + " connections in " + windowText + " failed (in " + bootsWithEarlyFailures + " of "
                + bootsTested + " boots), " + failedAfter + " of " + after.size() + " after that.";
        List<ConnectionFacts> early = inside.stream().filter(ConnectionFacts::failed)
                .sorted(Comparator.comparingLong(position)).toList();
        List<EvidenceItem> items = Examples.spread(early).stream().map(c -> EvidenceItem.of(c,
                "connection " + c.indexInBoot() + " since boot" + (c.msSinceReady() != null
                        ? ", " + c.msSinceReady() + " ms after the ready line" : ""),
                Signatures.troubleLines(c, 3))).toList();
        String fix = "Print the ready line and start accepting connections only when initialisation is complete "
                + "(certificate and key parsed, RNG seeded, network and time up), or hold early connections until it is, "
                + "instead of serving them half-initialised.";
        return List.of(new Finding(name(), rootCause, 0.85, facts, items, fix));
    }
}
