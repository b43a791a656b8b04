package io.hilharness.diagnose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnosed root cause.
 *
 * @param rule       the rule that found it ({@link DiagnosisRule#name()})
 * @param rootCause  the root cause in one sentence, with the numbers that support it
 * @param confidence 0..1; findings are ranked by it
 * @param facts      the figures behind the sentence (counts, rates, p-values), in reading order
 * @param evidence   examples a human can check: connections, ports, console line numbers
 * @param fix        what to change
 */
public record Finding(String rule, String rootCause, double confidence, Map<String, String> facts,
                      List<EvidenceItem> evidence, String fix) {
    /** Example connections cited per finding; the journal and timeline hold all of them. */
    public static final int MAX_EXAMPLES = 3;

    public Finding {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        evidence = List.copyOf(evidence);
        confidence = Math.round(confidence * 100) / 100.0;
    }
}
