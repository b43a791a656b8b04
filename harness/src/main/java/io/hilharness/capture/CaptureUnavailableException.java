package io.hilharness.capture;

/** The capture could not start or be read (tool missing, no permission, not ready in time); the message says why. */
public final class CaptureUnavailableException extends Exception {
    public CaptureUnavailableException(String reason) {
        super(reason);
    }

    public CaptureUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
