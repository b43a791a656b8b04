package io.hilharness.console;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One-shot "stop now" flag the reader thread can also wait on, so its reconnect back-off ends the moment
 * {@link Console#close()} is called instead of after a sleep.
 */
final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);

    void set() {
        latch.countDown();
    }

    boolean isSet() {
        return latch.getCount() == 0;
    }

    /** Waits up to {@code d} for the stop; true if stopping. */
    boolean await(Duration d) {
        try {
            return latch.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
