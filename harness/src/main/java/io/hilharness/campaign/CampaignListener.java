package io.hilharness.campaign;

/** Progress callbacks, e.g. for a terminal or CI log; all default to doing nothing. */
public interface CampaignListener {
    default void flashed(String image) {
    }

    default void bootDone(BootRecord boot) {
    }

    default void roundDone(RoundRecord round) {
    }

    /** The last record is journaled; the reports are not written yet. */
    default void campaignDone(CampaignResult result) {
    }
}
