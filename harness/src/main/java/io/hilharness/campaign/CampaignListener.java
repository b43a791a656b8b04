package io.hilharness.campaign;

import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CrashRecord;
import io.hilharness.run.RoundRecord;

/** Progress callbacks, e.g. for a terminal or CI log; all default to doing nothing. */
public interface CampaignListener {
    default void flashed(String image) {
    }

    default void bootDone(BootRecord boot) {
    }

    default void roundDone(RoundRecord round) {
    }

    /** The watchdog found the board hung in this round; {@code action} is what happens next. */
    default void watchdogTripped(int boot, int round, String reason, String action) {
    }

    /** The board died in this boot, which ends here; the campaign goes on with the next boot. */
    default void bootCrashed(CrashRecord crash) {
    }

    /** The campaign ends before its plan is done (the board did not come back); called before {@link #campaignDone}. */
    default void campaignEndedEarly(String reason) {
    }

    /** The last record is journaled; the reports are not written yet. */
    default void campaignDone(CampaignResult result) {
    }
}
