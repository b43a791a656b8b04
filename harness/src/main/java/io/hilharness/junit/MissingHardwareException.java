package io.hilharness.junit;

/** The board a test needs is not there (not configured, not connected, busy): a skip, not a failure. */
final class MissingHardwareException extends Exception {
    private static final long serialVersionUID = 1L;

    MissingHardwareException(String reason) {
        super(reason);
    }
}
