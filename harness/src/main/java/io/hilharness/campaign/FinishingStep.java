package io.hilharness.campaign;

import io.hilharness.run.CampaignResult;
import io.hilharness.run.Journal;
import java.io.IOException;

/**
 * What completes a campaign after its last round and before its end record, e.g. reading back a packet
 * capture and journaling the diagnosis: the records it appends come before the end record.
 */
@FunctionalInterface
public interface FinishingStep {
    FinishingStep NONE = (result, journal) -> { };

    /**
     * @param result  the campaign as it ran (a timed campaign: the boots it ran)
     * @param journal the campaign's journal, open for more records
     */
    void finish(CampaignResult result, Journal journal) throws IOException, InterruptedException;
}
