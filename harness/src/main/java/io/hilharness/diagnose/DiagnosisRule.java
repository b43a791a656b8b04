package io.hilharness.diagnose;

import java.util.List;

/**
 * One way of turning a campaign's correlated evidence into findings. Rules are independent: each
 * looks at the whole {@link Evidence} and says what it recognises, the {@link Diagnoser} ranks them.
 *
 * <p>Users add their own rules by implementing this interface and listing the class in
 * {@code META-INF/services/io.hilharness.diagnose.DiagnosisRule} on the classpath
 * ({@link java.util.ServiceLoader}); they need a public no-argument constructor.
 */
public interface DiagnosisRule {
    /** Short, stable id for reports and journals, e.g. {@code certificate-rejected}. */
    String name();

    /** Findings for this evidence; empty when the rule does not recognise its pattern. */
    List<Finding> evaluate(Evidence evidence);
}
