package io.hilharness.analyze;

/** How a device-side TLS session ended, as far as the board's log tells. */
public enum SessionOutcome {
    /** Handshake done, ended by close_notify, the client's EOF after use, or the server closing. */
    COMPLETED,
    /** The client sent a fatal alert ({@link SessionSummary#alertName()} says which). */
    ALERT_RECEIVED,
    /** The client closed the TCP connection during the handshake (-0x7280). */
    EOF,
    /** The client reset the connection (-0x0050). */
    RESET,
    /** The session could not start: out of memory (-0x7F00) or mbedtls_ssl_setup failed. */
    SETUP_FAILED,
    /** Any other error code. */
    ERROR,
    /** No end seen: the log stopped, or the board rebooted, while it was open. */
    UNFINISHED
}
