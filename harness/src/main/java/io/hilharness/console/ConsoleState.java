package io.hilharness.console;

/** Connection events of a {@link Console}, delivered to state listeners in the order they happen. */
public enum ConsoleState {
    /** The transport opened for the first time. */
    CONNECTED,
    /** The transport reported the device gone; the partial line (if any) has been flushed. */
    DISCONNECTED,
    /** The transport opened again after a {@link #DISCONNECTED}; capture and seq numbering continue. */
    RECONNECTED,
    /** {@link Console#close()} finished; nothing more will arrive. */
    CLOSED
}
