package io.hilharness.run;

import java.time.Instant;

/**
 * A round in which every connection timed out: the board hangs, its boot ends there.
 *
 * @param action what the campaign does about it (the reset before the next boot)
 */
public record WatchdogRecord(int boot, int round, Instant at, String reason, String action) {
}
