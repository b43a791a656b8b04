package io.hilharness.lab;

/** The board is locked by someone else: the message says by whom. */
public final class BoardBusyException extends Exception {
    public BoardBusyException(String message) {
        super(message);
    }
}
