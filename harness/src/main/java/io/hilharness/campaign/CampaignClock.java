package io.hilharness.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's time: the timestamps it journals, its deadline and the pacing between rounds. A test
 * gives a clock that moves only when told, so a paced or timed campaign runs without waiting.
 */
public interface CampaignClock {
    Instant now();

    /** Lets {@code duration} pass: pacing, not a wait for anything on the board. */
    void sleep(Duration duration) throws InterruptedException;

    /** The wall clock, with real sleeps. */
    static CampaignClock system() {
        return new CampaignClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            }
        };
    }
}
