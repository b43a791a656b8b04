package io.hilharness.diagnose;

import io.hilharness.client.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The failed connections no finding accounts for, as one finding: by class with one example of each,
 * so the report still points at the lines to read. Not a rule (it would always fire); the
 * {@link io.hilharness.diagnose.Diagnoser} adds it for the remainder, also when other rules fired.
 */
public final class UnexplainedFailures {
    public static final String NAME = "unexplained";
    /** Below every real finding. */
    public static final double CONFIDENCE = 0.2;

    private UnexplainedFailures() {
    }

    /** The finding for these failed connections (by id); none when there are none. */
    public static List<Finding> evaluate(Evidence evidence, List<String> remainder) {
        Set<String> ids = Set.copyOf(remainder);
        List<ConnectionFacts> failures = evidence.failures().stream().filter(c -> ids.contains(c.id())).toList();
        if (failures.isEmpty()) {
            return List.of();
        }
        Map<Outcome, List<ConnectionFacts>> byClass = failures.stream()
                .collect(Collectors.groupingBy(ConnectionFacts::outcome, TreeMap::new, Collectors.toList()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("failures by class", byClass.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue().size()).collect(Collectors.joining(", ")));
        facts.put("boots with failures", failures.stream().map(ConnectionFacts::boot).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(", ")));
        List<EvidenceItem> items = new ArrayList<>();
        byClass.values().stream().limit(Finding.MAX_EXAMPLES).forEach(list -> items.add(EvidenceItem.of(list.get(0),
                "first " + list.get(0).outcome().name().toLowerCase() + " failure", list.get(0).troubleLines(4))));
        int allFailed = evidence.failures().size();
        String byClassText = " (" + facts.get("failures by class") + ").";
        String rootCause = failures.size() == allFailed
                ? failures.size() + " of " + evidence.connections().size() + " connections failed in a pattern no rule recognises" + byClassText
                : failures.size() + " of the " + allFailed + " failed connections fit no other finding" + byClassText;
        String fix = "Read the cited connections' board lines (timeline.json has all of them); once the pattern is "
                + "understood, add a rule for it (docs/diagnosis.md).";
        return List.of(new Finding(NAME, rootCause, CONFIDENCE, facts, items, fix, failures.stream().map(ConnectionFacts::id).toList()));
    }
}
