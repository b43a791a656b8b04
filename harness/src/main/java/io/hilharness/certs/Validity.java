package io.hilharness.certs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The notBefore/notAfter window of a certificate. */
public record Validity(Instant notBefore, Instant notAfter) {

    /**
     * Backdating covers a board or host whose clock is a little behind: a certificate that is "not yet
     * valid" is a bench artefact, not what a test wants to look at.
     */
    static final Duration BACKDATE = Duration.ofHours(1);

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    /** Valid from an hour ago for {@code length}. */
    public static Validity fromNow(Duration length) {
        Instant start = Instant.now().minus(BACKDATE);
        return new Validity(start, start.plus(BACKDATE).plus(length));
    }
}
