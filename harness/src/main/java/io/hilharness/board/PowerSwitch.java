package io.hilharness.board;

/** Switches a board's supply, e.g. a USB hub port, a PDU outlet, or the reference board's process. */
public interface PowerSwitch extends AutoCloseable {
    void powerOn() throws BoardException;

    void powerOff() throws BoardException;

    boolean isOn();

    /**
     * How the board ended when it went off without being switched off (a process that aborted or exited),
     * e.g. "killed by signal 6 (SIGABRT)"; empty while it runs, after a power off, and for a switch that
     * cannot tell.
     */
    default java.util.Optional<String> diedByItself() {
        return java.util.Optional.empty();
    }

    /** Leaves the board unpowered; called when the harness is done with it. */
    @Override
    default void close() throws BoardException {
        powerOff();
    }

    /**
     * The harness lets go of a board someone goes on using (an interactive console closes). A board that
     * cannot outlive the harness (a process or container it runs) is powered off as by {@link #close};
     * a switch in front of a real board overrides this to leave its power as it is.
     */
    default void release() throws BoardException {
        close();
    }
}
