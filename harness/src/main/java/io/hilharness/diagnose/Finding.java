package io.hilharness.diagnose;

import java.util.Collection;
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
 * @param explains   ids of the failed connections this finding accounts for, in campaign order. A rule
 *                   claims them with {@link #explaining}; the {@link Diagnoser} then gives each failed
 *                   connection to the highest-ranked finding that claims it, so that in a
 *                   {@link Diagnosis} no connection is counted twice. Empty for a finding about boots
 *                   or the chain rather than connections.
 */
public record Finding(String rule, String rootCause, double confidence, Map<String, String> facts,
                      List<EvidenceItem> evidence, String fix, List<String> explains) {
    /** Example connections cited per finding; the journal and timeline hold all of them. */
    public static final int MAX_EXAMPLES = 3;

    public Finding {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        evidence = List.copyOf(evidence);
        explains = explains == null ? List.of() : List.copyOf(explains);
        confidence = Math.round(confidence * 100) / 100.0;
    }

    /** A finding that accounts for no connection yet; see {@link #explaining}. */
    public Finding(String rule, String rootCause, double confidence, Map<String, String> facts,
                   List<EvidenceItem> evidence, String fix) {
        this(rule, rootCause, confidence, facts, evidence, fix, List.of());
    }

    /**
     * The same finding, accounting for these connections (those that did not fail are left out: only
     * failures need explaining).
     */
    public Finding explaining(Collection<ConnectionFacts> connections) {
        return withExplains(connections.stream().filter(ConnectionFacts::failed).map(ConnectionFacts::id).distinct().toList());
    }

    /** The same finding with exactly these connection ids; the {@link Diagnoser} uses it to share connections out. */
    public Finding withExplains(List<String> ids) {
        return new Finding(rule, rootCause, confidence, facts, evidence, fix, ids);
    }

    /** The same finding with one more fact, after those it has. */
    public Finding withFact(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(facts);
        more.put(name, value);
        return new Finding(rule, rootCause, confidence, more, evidence, fix, explains);
    }
}
