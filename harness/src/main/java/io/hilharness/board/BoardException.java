package io.hilharness.board;

/** A board action (flash, reset, power) that did not complete; the message says what and why. */
public class BoardException extends Exception {
    public BoardException(String message) {
        super(message);
    }

    public BoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
