package io.hilharness.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines for one request.
 *
 * @param connect TCP connect
 * @param read    silence between two reads (also used for writes)
 * @param call    the whole call, connect to last body byte; a board that trickles bytes forever still ends
 */
public record Timeouts(Duration connect, Duration read, Duration call) {

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(call, "call");
    }

    /** Generous for a small board doing a P-256 handshake in software. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
