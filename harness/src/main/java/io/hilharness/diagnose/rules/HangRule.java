package io.hilharness.diagnose.rules;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The board stops responding: clients time out, and the board never logs the end of their sessions.
 * The last line the board logged for a stuck connection says where it hangs.
 */
public final class HangRule implements DiagnosisRule {
    /** Timed-out connections needed when the board logged the end of every session. */
    public static final int MIN_TIMEOUTS = 2;

    @Override
    public String name() {
        return "hang";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        // A board that died ends no session: that is the crash finding's, not a hang.
        List<ConnectionFacts> stuck = evidence.connections().stream()
                .filter(c -> c.withoutEnd() || c.outcome() == Outcome.TIMEOUT)
                .filter(c -> !CrashRule.diedWith(evidence, c)).toList();
        long withoutEnd = stuck.stream().filter(ConnectionFacts::withoutEnd).count();
        if (withoutEnd == 0 && stuck.size() < MIN_TIMEOUTS) {
            return List.of();
        }
        long timeouts = stuck.stream().filter(c -> c.outcome() == Outcome.TIMEOUT).count();
        Optional<String> where = stuck.stream().map(HangRule::lastLine).flatMap(Optional::stream)
                .map(e -> e.message() != null ? e.message() : e.raw())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        // Does the hang last until the next reboot? Count what failed after the first stuck connection of its boot.
        long after = 0;
        List<ConnectionFacts> failedAfter = new java.util.ArrayList<>();
        for (int boot : stuck.stream().map(ConnectionFacts::boot).distinct().toList()) {
            int first = stuck.stream().filter(c -> c.boot() == boot).mapToInt(ConnectionFacts::indexSinceBoot).min().orElse(0);
            for (ConnectionFacts c : evidence.ofBoot(boot)) {
                if (c.indexSinceBoot() > first) {
                    after++;
                    if (c.failed()) {
                        failedAfter.add(c);
                    }
                }
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("connections timed out", Examples.ratio(timeouts, evidence.connections().size()));
        facts.put("sessions the board never ended", String.valueOf(withoutEnd));
        where.ifPresent(w -> facts.put("last board line before it went quiet (most common)", w));
        if (after > 0) {
            facts.put("later connections in the same boots that failed", Examples.ratio(failedAfter.size(), after));
        }
        String rootCause = "The board stops responding: " + stuck.size() + " connections got no answer ("
                + timeouts + " timed out, " + withoutEnd + " sessions never ended on the board)"
                + where.map(w -> "; the board's last line for them was '" + w + "'").orElse("") + ".";
        List<EvidenceItem> items = Examples.spread(stuck.stream()
                .sorted(Comparator.comparing(ConnectionFacts::withoutEnd).reversed()).toList()).stream()
                .map(c -> EvidenceItem.of(c, c.withoutEnd() ? "the board never logged the end of this session"
                        : "the client timed out", lastLine(c).map(List::of).orElse(List.of()))).toList();
        String fix = "Find where the firmware blocks (the last line it logged for a stuck connection points there): "
                + "give every blocking socket read and write a timeout (mbedtls_ssl_conf_read_timeout with a "
                + "timeout-capable receive callback), never hold a lock across network I/O, and let a watchdog reset "
                + "a board whose main loop stops.";
        // The stuck connections, and what failed after them in their boots: a hung board fails those too.
        List<ConnectionFacts> explained = new java.util.ArrayList<>(stuck);
        explained.addAll(failedAfter);
        return List.of(new Finding(name(), rootCause, withoutEnd > 0 ? 0.9 : 0.75, facts, items, fix).explaining(explained));
    }

    private static Optional<DeviceEvent> lastLine(ConnectionFacts c) {
        return c.device().isEmpty() ? Optional.empty() : Optional.of(c.device().get(c.device().size() - 1));
    }
}
