package io.hilharness.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a driver fetches a round: one after the other, kept alive, or in parallel (up to {@code maxParallel}
 * connections at once), each request within {@code callTimeout}.
 */
public record FetchSettings(FetchMode mode, int maxParallel, Duration callTimeout) {
    public FetchSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1");
        }
    }
}
