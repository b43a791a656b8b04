package io.hilharness.console;

import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial console on jSerialComm: 8N1, no flow control, configurable baud (default 115200).
 *
 * <p>The port is named by a path or by USB serial number, and the name is resolved again on every
 * {@link #open()}: after a board re-enumerates, {@code /dev/serial/by-id/...} or a board folder's
 * {@code console} link may point at a different {@code ttyACMn}.
 *
 * <p>Opening never flushes the receive queue: bytes the board printed before the port opened (its boot log)
 * are read like any others. jSerialComm flushes on open only if {@code flushIOBuffers()} was called on a
 * closed port, which this class never does.
 */
public final class SerialTransport implements ConsoleTransport {

    public static final int DEFAULT_BAUD = 115200;
    /** jSerialComm rounds POSIX read timeouts to 100 ms steps (termios VTIME is in tenths of a second). */
    static final int READ_TIMEOUT_MS = 100;

    private final Locator locator;
    private final int baud;

    private volatile SerialPort port;
    private volatile Path openedNode;

    private SerialTransport(Locator locator, int baud) {
        this.locator = locator;
        this.baud = baud;
    }

    /** A port by device path or by a symlink to it (by-id link, board folder link). */
    public static SerialTransport byPath(Path path) {
        return byPath(path, DEFAULT_BAUD);
    }

    public static SerialTransport byPath(Path path, int baud) {
        Objects.requireNonNull(path);
        return new SerialTransport(new PathLocator(path), baud);
    }

    /** A port by its USB serial number, found anew each time it opens. */
    public static SerialTransport bySerialNumber(String serialNumber) {
        return bySerialNumber(serialNumber, DEFAULT_BAUD);
    }

    public static SerialTransport bySerialNumber(String serialNumber, int baud) {
        Objects.requireNonNull(serialNumber);
        return new SerialTransport(new SerialNumberLocator(serialNumber), baud);
    }

    @Override
    public void open() throws IOException {
        close();
        Path node = locator.resolve();
        SerialPort p = SerialPort.getCommPort(node.toString());
        // Configure before opening: on an open port every setter reconfigures the device (and may sleep).
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        // Deliberately no flushIOBuffers(): on a closed port it arms a flush-on-open that drops the boot log.
        if (!p.openPort(0)) {
            throw new IOException("cannot open serial port " + node + " (" + locator + "): error "
                    + p.getLastErrorCode() + " at native line " + p.getLastErrorLocation());
        }
        openedNode = node;
        port = p;
    }

    @Override
    public int read(byte[] buf) throws IOException {
        SerialPort p = port;
        if (p == null) {
            return -1;
        }
        int n = p.readBytes(buf, buf.length);
        if (n < 0) {
            return -1; // read() failed: EIO/ENODEV after a hang-up or unplug
        }
        if (n == 0 && !stillThere(p)) {
            return -1; // some drivers just time out forever once the device is gone
        }
        return n;
    }

    private boolean stillThere(SerialPort p) {
        Path node = openedNode;
        return p.bytesAvailable() >= 0 && node != null && Files.exists(node);
    }

    @Override
    public void write(byte[] data) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("serial port " + locator + " is not open");
        }
        int n = p.writeBytes(data, data.length);
        if (n != data.length) {
            throw new IOException("serial write to " + openedNode + " failed after " + n + " of " + data.length
                    + " bytes, error " + p.getLastErrorCode());
        }
    }

    @Override
    public boolean sendBreak(Duration duration) {
        SerialPort p = port;
        if (p == null || !p.setBreak()) {
            return false;
        }
        try {
            // The break's length is the signal itself (not a wait for an event), so it is timed here.
            long end = System.nanoTime() + duration.toNanos();
            for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        } finally {
            p.clearBreak();
        }
        return true;
    }

    @Override
    public boolean setControlLine(ControlLine line, boolean asserted) {
        SerialPort p = port;
        if (p == null) {
            return false;
        }
        return switch (line) {
            case DTR -> asserted ? p.setDTR() : p.clearDTR();
            case RTS -> asserted ? p.setRTS() : p.clearRTS();
        };
    }

    @Override
    public boolean isPresent() {
        return locator.isPresent();
    }

    @Override
    public boolean awaitPresent(Duration max) {
        return locator.awaitPresent(max);
    }

    @Override
    public String describe() {
        Path node = openedNode;
        return "serial " + locator + (node != null ? " -> " + node : "") + " @" + baud + " 8N1";
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /** How to find the device node right now. */
    private interface Locator {
        Path resolve() throws IOException;

        boolean isPresent();

        /** See {@link ConsoleTransport#awaitPresent}. */
        default boolean awaitPresent(Duration max) {
            return false;
        }
    }

    private record PathLocator(Path path) implements Locator {
        @Override
        public Path resolve() throws IOException {
            // toRealPath follows the whole link chain and fails if the node is gone (dangling link).
            return path.toRealPath();
        }

        @Override
        public boolean isPresent() {
            return Files.exists(path);
        }

        /** Watches the link's folder (inotify on Linux): a board that re-creates its link wakes this at once. */
        @Override
        public boolean awaitPresent(Duration max) {
            Path folder = path.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return false;
            }
            try (WatchService watcher = folder.getFileSystem().newWatchService()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                // Registered first, then checked: a link created in between is not missed.
                if (!isPresent()) {
                    watcher.poll(max.toNanos(), TimeUnit.NANOSECONDS);
                }
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    private record SerialNumberLocator(String serialNumber) implements Locator {
        @Override
        public Path resolve() throws IOException {
            return SerialPorts.findBySerialNumber(serialNumber)
                    .map(p -> Path.of(p.systemPath()))
                    .orElseThrow(() -> new NoSuchFileException("no serial port with USB serial number " + serialNumber));
        }

        @Override
        public boolean isPresent() {
            return SerialPorts.findBySerialNumber(serialNumber).isPresent();
        }

        @Override
        public String toString() {
            return "usb-serial=" + serialNumber;
        }
    }
}
