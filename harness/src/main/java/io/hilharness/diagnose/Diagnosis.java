package io.hilharness.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * What the rules made of a campaign: findings ranked by confidence, best first, and how many of the
 * failed connections they account for ({@link Finding#explains}: each failed connection belongs to
 * one finding at most, the {@code unexplained} one holding the rest).
 *
 * @param somethingFailed    a connection or a boot failed: the campaign did not pass. Findings about a
 *                           passing campaign (latent certificate problems) leave it false
 * @param explainedFailures  failed connections that a finding other than {@code unexplained} accounts for
 * @param explainingFindings findings, other than {@code unexplained}, that account for at least one failed connection
 * @param ruleErrors         rules that threw instead of answering (a user rule's bug must not cost the run its
 *                           report), as "rule: message"
 */
public record Diagnosis(String image, int connections, int failedConnections, boolean somethingFailed,
                        int explainedFailures, int explainingFindings, List<Finding> findings, List<String> ruleErrors) {
    public Diagnosis {
        findings = List.copyOf(findings);
        ruleErrors = List.copyOf(ruleErrors);
    }

    public Optional<Finding> top() {
        return findings.stream().findFirst();
    }

    /** e.g. "228 of 228 failures explained by 2 findings". */
    public String accounting() {
        return explainedFailures + " of " + failedConnections + " failures explained by " + explainingFindings
                + (explainingFindings == 1 ? " finding" : " findings");
    }
}
