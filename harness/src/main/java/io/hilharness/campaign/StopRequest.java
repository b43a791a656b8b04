package io.hilharness.campaign;

import java.util.Optional;

/**
 * Whether someone asked the campaign to stop. It is read between rounds: the round in flight finishes
 * and is journaled, then the campaign ends as if it had been planned shorter.
 */
@FunctionalInterface
public interface StopRequest {
    /** Why the campaign is to stop (e.g. {@code SIGINT}); empty while it goes on. */
    Optional<String> reason();

    static StopRequest never() {
        return Optional::empty;
    }
}
