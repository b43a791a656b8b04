package io.hilharness.runner;

import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignClock;
import io.hilharness.campaign.StopRequest;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * How campaigns run beyond their spec, alike on the reference board and on lab boards.
 *
 * @param stop              what ends a campaign after the round in flight (the operator's Ctrl-C)
 * @param clock             timestamps, the deadline and pacing
 * @param longRun           keep passed rounds' evidence only in the journal whatever the campaign's size
 * @param deadline          start no boot after this (a soak runs for a time)
 * @param alternatingResets soft and hard resets in turn between boots
 * @param compressed        gzip console.raw and the journal once the board is closed (a nightly CI's artifacts)
 */
public record RunSettings(StopRequest stop, CampaignClock clock, boolean longRun, Optional<Instant> deadline,
                          boolean alternatingResets, boolean compressed) {

    public static RunSettings defaults() {
        return new RunSettings(StopRequest.never(), CampaignClock.system(), false, Optional.empty(), false, false);
    }

    public RunSettings stoppingOn(StopRequest stop) {
        return new RunSettings(stop, clock, longRun, deadline, alternatingResets, compressed);
    }

    public RunSettings timedBy(CampaignClock clock) {
        return new RunSettings(stop, clock, longRun, deadline, alternatingResets, compressed);
    }

    /** A campaign of thousands of rounds: memory keeps what the running campaign needs, the reports come from the journal. */
    public RunSettings asLongRun() {
        return new RunSettings(stop, clock, true, deadline, alternatingResets, compressed);
    }

    public RunSettings endingAt(Instant deadline) {
        return new RunSettings(stop, clock, longRun, Optional.of(deadline), alternatingResets, compressed);
    }

    public RunSettings withAlternatingResets() {
        return new RunSettings(stop, clock, longRun, deadline, true, compressed);
    }

    public RunSettings compressing(boolean compressed) {
        return new RunSettings(stop, clock, longRun, deadline, alternatingResets, compressed);
    }

    /** Compresses the run folder's console capture and journal if asked to; call once the board is closed. */
    void finish(RunFolder run) throws IOException {
        if (compressed) {
            run.compress();
        }
    }

    /**
     * The one place that decides whether a campaign forgets passed rounds' evidence: when asked to, or
     * when it has more than {@link CampaignSpec#LONG_RUN_ROUNDS} rounds. A passed round's evidence is
     * some 100-250 KB in memory, so a nightly {@code hil run --boots 100 --rounds 100} would otherwise
     * hold gigabytes until its end. The returned result then lacks the device events of passed rounds.
     */
    public boolean isLongRun(CampaignSpec spec) {
        return longRun || spec.isLongRun();
    }

    Campaign applyTo(Campaign campaign, CampaignSpec spec) {
        campaign.stoppingOn(stop).timedBy(clock);
        deadline.ifPresent(campaign::endingAt);
        if (alternatingResets) {
            campaign.alternatingResets();
        }
        if (isLongRun(spec)) {
            campaign.forgettingPassedRoundEvidence();
        }
        return campaign;
    }
}
