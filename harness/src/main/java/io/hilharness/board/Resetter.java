package io.hilharness.board;

/**
 * Starts a new boot of the board. It only triggers the reset: waiting for the board to come up is the
 * caller's job, by watching the console for the ready line.
 */
public interface Resetter {
    ResetKind kind();

    void reset() throws BoardException;
}
