package io.hilharness.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * Which lab boards {@code hil run} wants and whether it waits for them.
 *
 * @param count how many of the selected boards; null for every one (a tag) or the one named
 * @param waitFor {@code --wait}'s value: null without it, {@link #UNTIL_FREE} when given alone, else a duration
 */
record BoardsWanted(String selector, Integer count, String waitFor) {
    static final String UNTIL_FREE = "until-free";

    BoardsWanted {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count: must be at least 1, not " + count);
        }
    }

    /** Taken through the waiting line: with --wait, or --count (which picks among the free boards). */
    boolean reserves() {
        return count != null || waitFor != null;
    }

    /** Empty: until the boards are free; zero: not at all. */
    Optional<Duration> patience() {
        if (waitFor == null) {
            return Optional.of(Duration.ZERO);
        }
        return waitFor.equals(UNTIL_FREE) ? Optional.empty() : Optional.of(SoakCommand.parseDuration("--wait", waitFor));
    }
}
