package io.hilharness.console;

import java.time.Duration;

/**
 * Growing interval between checks for a device that is coming back: short at first (a re-enumerating USB
 * device usually reappears within tens of milliseconds, and its boot lines are already streaming), then
 * capped so a long absence costs little CPU.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(20);
    static final Duration MAX = Duration.ofMillis(200);

    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.next = first;
        this.max = max;
    }

    Backoff() {
        this(FIRST, MAX);
    }

    Duration next() {
        Duration current = next;
        Duration grown = next.multipliedBy(3).dividedBy(2);
        next = grown.compareTo(max) > 0 ? max : grown;
        return current;
    }
}
