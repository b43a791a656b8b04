package io.hilharness.console;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A byte pipe to a board's debug console (serial port, TCP bridge, replayed file).
 *
 * <p>Only {@link Console}'s single reader thread calls {@link #open()}, {@link #read(byte[])} and
 * {@link #close()}; {@link #write(byte[])} and {@link #sendBreak(Duration)} may come from other threads.
 * Implementations may be opened again after {@link #close()}, which is how a console survives a board that
 * re-enumerates its USB serial device.
 */
public interface ConsoleTransport extends Closeable {

    /** Opens (or re-opens) the device. Throws when it is absent or cannot be opened right now. */
    void open() throws IOException;

    /**
     * Reads what is available, blocking at most a short internal timeout (about 100 ms) so the reader thread
     * can notice {@code close()} without anyone interrupting native code.
     *
     * @return bytes read (more than 0), 0 on timeout, -1 when the device is gone
     */
    int read(byte[] buf) throws IOException;

    /** Writes all bytes to the device. */
    void write(byte[] data) throws IOException;

    /** Holds a BREAK condition for {@code duration}; true if the transport supports it and it was sent. */
    boolean sendBreak(Duration duration);

    /**
     * Sets a modem control line (DTR or RTS, which many boards wire to reset or boot pins); false if the
     * transport has no such line (a pty, a TCP bridge).
     */
    default boolean setControlLine(ControlLine line, boolean asserted) {
        return false;
    }

    /** The modem control lines a host can drive. */
    enum ControlLine { DTR, RTS }

    /** Human-readable identity for logs and error messages, e.g. the port path it resolved to. */
    String describe();

    /**
     * Cheap check whether {@link #open()} has a chance to succeed now (e.g. the device node exists). Lets the
     * reconnect loop watch for a re-enumerating device without paying for a full open attempt each time.
     */
    default boolean isPresent() {
        return true;
    }

    /**
     * Waits at most {@code max} for an absent device to appear, returning as soon as it may have (a
     * transport that can watch its device node, e.g. by inotify). Lets the console read a board that comes
     * back from a power cycle at once instead of at its next back-off check.
     *
     * @return false at once when this transport cannot watch (the console then checks with a back-off)
     */
    default boolean awaitPresent(Duration max) {
        return false;
    }

    /**
     * Whether "gone" may be followed by a successful re-open. False for sources that simply end (a replayed
     * file), so the console does not replay the same bytes again.
     */
    default boolean canReconnect() {
        return true;
    }
}
