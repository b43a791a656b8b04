package io.hilharness.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs every rule on a campaign's evidence, ranks what they find, most confident first, and accounts
 * for every failed connection: each goes to the highest-ranked finding that claims it
 * ({@link Finding#explains}), and those no finding claims make one {@code unexplained} finding.
 */
public final class Diagnoser {
    /** The fact a finding gets when higher-ranked findings already account for some of the connections it claimed. */
    public static final String CLAIMED_BY_HIGHER = "also claimed, accounted for by a higher-ranked finding";

    private final List<DiagnosisRule> rules;

    public Diagnoser(List<DiagnosisRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Every rule registered through {@link ServiceLoader}: the built-in ones (this jar's
     * {@code META-INF/services}) and users' own, found the same way, so the engine names no rule.
     */
    public static Diagnoser standard() {
        List<DiagnosisRule> rules = new ArrayList<>();
        ServiceLoader.load(DiagnosisRule.class).forEach(rules::add);
        return new Diagnoser(rules);
    }

    public List<DiagnosisRule> rules() {
        return rules;
    }

    public Diagnosis diagnose(Evidence evidence) {
        boolean somethingFailed = evidence.hasFailures();
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (DiagnosisRule rule : rules) {
            // Nothing failed, nothing to explain: only rules that look at passing campaigns are asked.
            if (!somethingFailed && !rule.looksAtPassingCampaigns()) {
                continue;
            }
            try {
                findings.addAll(rule.evaluate(evidence));
            } catch (RuntimeException e) {
                errors.add(rule.name() + ": " + e);
            }
        }
        findings.sort(ranking());
        List<Finding> accounted = accountFor(evidence, findings);
        int explained = accounted.stream().mapToInt(f -> f.explains().size()).sum();
        int explaining = (int) accounted.stream().filter(f -> !f.explains().isEmpty()).count();
        List<String> failed = evidence.failures().stream().map(ConnectionFacts::id).toList();
        Set<String> taken = new HashSet<>();
        accounted.forEach(f -> taken.addAll(f.explains()));
        List<String> remainder = failed.stream().filter(id -> !taken.contains(id)).toList();
        if (!remainder.isEmpty()) {
            accounted.addAll(UnexplainedFailures.evaluate(evidence, remainder));
            accounted.sort(ranking());
        }
        return new Diagnosis(evidence.image(), evidence.connections().size(), failed.size(), somethingFailed,
                explained, explaining, accounted, errors);
    }

    private static Comparator<Finding> ranking() {
        return Comparator.comparingDouble(Finding::confidence).reversed().thenComparing(Finding::rule);
    }

    /** Each failed connection to the first finding, in rank order, that claims it. */
    private static List<Finding> accountFor(Evidence evidence, List<Finding> ranked) {
        Set<String> failed = new LinkedHashSet<>(evidence.failures().stream().map(ConnectionFacts::id).toList());
        Set<String> taken = new HashSet<>();
        List<Finding> accounted = new ArrayList<>();
        for (Finding f : ranked) {
            Set<String> claims = Set.copyOf(f.explains());
            List<String> claimed = failed.stream().filter(claims::contains).toList();
            List<String> own = claimed.stream().filter(taken::add).toList();
            Finding kept = f.withExplains(own);
            if (own.size() < claimed.size()) {
                kept = kept.withFact(CLAIMED_BY_HIGHER, (claimed.size() - own.size()) + " connection(s)");
            }
            accounted.add(kept);
        }
        return accounted;
    }
}
