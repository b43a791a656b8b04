package io.hilharness.netns;

/** The machine cannot give the harness a private network namespace; the message says what is missing. */
public final class NamespaceUnavailableException extends Exception {
    public NamespaceUnavailableException(String message) {
        super(message);
    }
}
