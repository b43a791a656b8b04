package io.hilharness.runner;

import io.hilharness.capture.WireEvidence;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.run.CampaignResult;
import java.util.Optional;

/**
 * A campaign that ran to its end, with its reports written.
 *
 * @param diagnosis the campaign's one diagnosis: the one journaled, in diagnosis.txt/json and in the reports
 * @param wire      the run's packet capture as read back for the diagnosis; empty when there is no wire.json
 */
public record CampaignOutcome(CampaignResult result, Diagnosis diagnosis, Optional<WireEvidence> wire) {
}
