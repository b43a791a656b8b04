package io.hilharness.run;

import io.hilharness.board.ResetKind;
import java.time.Instant;

/**
 * One boot of the board as the harness saw it.
 *
 * @param boot        the campaign's boot number, from 1
 * @param deviceBoot  the boot counter the board printed in its banner, if it printed one
 * @param resetCause  the reset cause the board printed
 * @param readyMs     from the reset command to the ready line; null when the board never got ready
 * @param failure     why this boot could not be tested; null when it could
 * @param crash       how the board died during this boot, which ended it; null when it did not
 */
public record BootRecord(int boot,
                         ResetKind reset,
                         Instant resetAt,
                         Integer deviceBoot,
                         String resetCause,
                         Long readyMs,
                         String failure,
                         CrashRecord crash) {
    public BootRecord(int boot, ResetKind reset, Instant resetAt, Integer deviceBoot, String resetCause, Long readyMs,
                      String failure) {
        this(boot, reset, resetAt, deviceBoot, resetCause, readyMs, failure, null);
    }

    /** Got ready, so its connections count, whether or not it crashed later. */
    public boolean ready() {
        return failure == null;
    }

    public boolean crashed() {
        return crash != null;
    }

    /** The same boot, ended by {@code crash}. */
    public BootRecord withCrash(CrashRecord crash) {
        return new BootRecord(boot, reset, resetAt, deviceBoot, resetCause, readyMs, failure, crash);
    }
}
