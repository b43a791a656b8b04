package io.hilharness.client;

/** How one connection or one exchange ended, as seen by the client. */
public enum Outcome {
    OK(0),
    /** The client's trust check refused the server's chain (PKIX or pin). */
    CERT_REJECTED(80),
    /** The chain was trusted but does not name the host the client dialled. */
    HOSTNAME_MISMATCH(70),
    /** The server sent a fatal TLS alert. */
    SERVER_ALERT(60),
    /** Nothing listened: the TCP connect was refused. */
    REFUSED(90),
    /** The peer dropped the connection (RST, broken pipe, or closed before any response). */
    RESET(50),
    /** A connect, read or call deadline passed. */
    TIMEOUT(40),
    /** The body ended before its Content-Length. */
    TRUNCATED(30),
    /** The server answered with a status of 400 or more. */
    HTTP_ERROR(10),
    /** The body arrived whole but its SHA-256 differs from the expected one. */
    CORRUPT(20),
    /** Anything the classifier does not know; the detail carries the exception chain. */
    ERROR(100);

    /**
     * Rank for "worst of": a failure further down the stack explains the ones above it (a reset
     * explains a short body), and an unknown error must never be hidden behind a known one.
     */
    private final int severity;

    Outcome(int severity) {
        this.severity = severity;
    }

    public boolean isWorseThan(Outcome other) {
        return severity > other.severity;
    }
}
