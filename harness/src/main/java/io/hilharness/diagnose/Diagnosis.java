package io.hilharness.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * What the rules made of a campaign: findings ranked by confidence, best first.
 *
 * @param ruleErrors rules that threw instead of answering (a user rule's bug must not cost the run its
 *                   report), as "rule: message"
 */
public record Diagnosis(String image, int connections, int failedConnections, List<Finding> findings,
                        List<String> ruleErrors) {
    public Diagnosis {
        findings = List.copyOf(findings);
        ruleErrors = List.copyOf(ruleErrors);
    }

    public Optional<Finding> top() {
        return findings.stream().findFirst();
    }
}
