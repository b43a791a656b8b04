package io.hilharness.diagnose;

import java.util.List;

/**
 * One way of turning a campaign's correlated evidence into findings. Rules are independent: each
 * looks at the whole {@link Evidence} and says what it recognises, the {@link Diagnoser} ranks them.
 *
 * <p><b>Accounting for failures.</b> A finding names the failed connections it explains: build it and
 * call {@link Finding#explaining(java.util.Collection)} with the {@link ConnectionFacts} it explains
 * (connections that did not fail are ignored), e.g.
 * <pre>{@code
 * return List.of(new Finding(name(), rootCause, 0.9, facts, items, fix).explaining(hit));
 * }</pre>
 * A rule claims every connection its cause explains, not only the examples it cites. The
 * {@link Diagnoser} gives each failed connection to the highest-ranked finding that claims it (a
 * finding that loses some to a higher-ranked one says so in the fact
 * {@link Diagnoser#CLAIMED_BY_HIGHER}), and gathers the failed connections nobody claimed into one
 * {@code unexplained} finding, so the counts add up to the campaign's failures. A finding about boots
 * or the certificate, not about connections, claims none.
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

    /**
     * Whether the rule is asked about a campaign in which nothing failed. Most rules explain failures
     * and are not; a rule that finds latent problems in a passing campaign (a chain some other client
     * would reject) says true, and must not change the campaign's verdict.
     */
    default boolean looksAtPassingCampaigns() {
        return false;
    }
}
