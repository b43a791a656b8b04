package io.hilharness.board.reset;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Holds a signal for its width: the width is the signal itself, not a wait for an event. */
final class Pulse {
    private Pulse() {
    }

    static void hold(Duration width) {
        long end = System.nanoTime() + width.toNanos();
        for (long left = width.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
