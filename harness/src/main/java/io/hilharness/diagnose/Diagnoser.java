package io.hilharness.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Runs every rule on a campaign's evidence and ranks what they find, most confident first. */
public final class Diagnoser {
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
        int failed = evidence.failures().size();
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        // Nothing failed, nothing to explain: no rule may invent a problem on a clean run.
        if (evidence.hasFailures()) {
            for (DiagnosisRule rule : rules) {
                try {
                    findings.addAll(rule.evaluate(evidence));
                } catch (RuntimeException e) {
                    errors.add(rule.name() + ": " + e);
                }
            }
            if (findings.isEmpty()) {
                findings.addAll(UnexplainedFailures.evaluate(evidence));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::confidence).reversed().thenComparing(Finding::rule));
        return new Diagnosis(evidence.image(), evidence.connections().size(), failed, findings, errors);
    }
}
