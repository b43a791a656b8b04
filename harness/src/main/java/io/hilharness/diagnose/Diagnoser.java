package io.hilharness.diagnose;

import io.hilharness.diagnose.rules.BootFailureRule;
import io.hilharness.diagnose.rules.BootWindowRule;
import io.hilharness.diagnose.rules.CertificateChangeRule;
import io.hilharness.diagnose.rules.CertificateRejectedRule;
import io.hilharness.diagnose.rules.ClosedMidBodyRule;
import io.hilharness.diagnose.rules.ConcurrencyRule;
import io.hilharness.diagnose.rules.HangRule;
import io.hilharness.diagnose.rules.HostnameMismatchRule;
import io.hilharness.diagnose.rules.LeakRule;
import io.hilharness.diagnose.rules.RebootDependenceRule;
import io.hilharness.diagnose.rules.ServerResetRule;
import io.hilharness.diagnose.rules.TruncationRule;
import io.hilharness.diagnose.rules.UnexplainedFailuresRule;
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

    /** The built-in rules plus every rule registered through {@link ServiceLoader}. */
    public static Diagnoser standard() {
        List<DiagnosisRule> rules = new ArrayList<>(builtIns());
        ServiceLoader.load(DiagnosisRule.class).forEach(rules::add);
        return new Diagnoser(rules);
    }

    public static List<DiagnosisRule> builtIns() {
        return List.of(new CertificateRejectedRule(), new HostnameMismatchRule(), new ConcurrencyRule(),
                new BootWindowRule(), new LeakRule(), new TruncationRule(), new HangRule(),
                new RebootDependenceRule(), new BootFailureRule(), new ServerResetRule(), new ClosedMidBodyRule(),
                new CertificateChangeRule());
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
                findings.addAll(UnexplainedFailuresRule.evaluate(evidence));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::confidence).reversed().thenComparing(Finding::rule));
        return new Diagnosis(evidence.image(), evidence.connections().size(), failed, findings, errors);
    }
}
