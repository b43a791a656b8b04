package io.hilharness.campaign;

/** Progress callbacks, e.g. for a terminal or CI log; all default to doing nothing. */
public interface CampaignListener {
    default void flashed(String image) {
    }

    default void bootDone(BootRecord boot) {
    }

    default void roundDone(RoundRecord round) {
    }
}
