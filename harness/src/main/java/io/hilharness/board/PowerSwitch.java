package io.hilharness.board;

/** Switches a board's supply, e.g. a USB hub port, a PDU outlet, or the reference board's process. */
public interface PowerSwitch extends AutoCloseable {
    void powerOn() throws BoardException;

    void powerOff() throws BoardException;

    boolean isOn();

    /** Leaves the board unpowered; called when the harness is done with it. */
    @Override
    default void close() throws BoardException {
        powerOff();
    }
}
