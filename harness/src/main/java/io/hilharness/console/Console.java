package io.hilharness.console;

import io.hilharness.secrets.KeyRedaction;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A board's debug console: one reader thread moves bytes from a {@link ConsoleTransport} into a
 * {@link RawCapture} (every byte, first) and a {@link LineFramer} (lines, second), keeps a bounded history
 * for waiting and error messages, and reconnects when the device goes away.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (Console c = Console.open(SerialTransport.byPath(board.resolve("console")), run.resolve("console.raw"))) {
 *     c.start();
 *     long mark = c.lastSeq();
 *     c.send("reboot");
 *     c.awaitLine(Pattern.compile("server listening"), mark, Duration.ofSeconds(20))
 *      .orElseThrow(() -> new AssertionError("no banner; last lines: " + c.tail(20)));
 * }
 * }</pre>
 *
 * <p>Line listeners run on the reader thread, in order; they should be quick (the OS buffers the device
 * meanwhile). A listener that throws is logged and skipped, never allowed to stop the capture.
 */
public final class Console implements Closeable {

    private static final System.Logger LOG = System.getLogger(Console.class.getName());
    /**
     * How long a reset waits for a console that is reconnecting (a restarted ser2net, a re-enumerating port)
     * before it sends, instead of failing the boot at once.
     */
    public static final Duration RECONNECT_WAIT = Duration.ofSeconds(10);
    /** Generous bound for the reader to notice close(): transports time out reads after about 100 ms. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final byte[] NEWLINE = {'\r', '\n'};

    private final ConsoleTransport transport;
    private final RawCapture capture;
    private final RawCapture txLog; // may be null
    private final LineFramer framer;
    /** Where a key block is, line to line; used by the reader thread only. */
    private final KeyRedaction keys = new KeyRedaction();
    private final LineHistory history;
    private final ConnectionStatus status = new ConnectionStatus();
    private final StopSignal stop = new StopSignal();
    private final List<Consumer<ConsoleLine>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object sendLock = new Object();
    private final Thread reader;

    /** Whether close() found the reader ended within its first wait, without closing the transport under it. */
    private volatile boolean stoppedWhenAsked;
    private volatile IOException lastTransportError;
    private volatile IOException captureError;
    private volatile long capturedBytes;

    private Console(Builder b) throws IOException {
        this.transport = b.transport;
        this.capture = RawCapture.open(b.rawCapture);
        RawCapture tx = null;
        try {
            tx = b.txLog != null ? RawCapture.open(b.txLog) : null;
        } catch (IOException e) {
            capture.close();
            throw e;
        }
        this.txLog = tx;
        this.history = new LineHistory(b.historyLines, b.historyChars);
        this.framer = new LineFramer(b.maxLineLength, capture.size(), b.clock, this::deliver);
        this.reader = new Thread(this::run, b.threadName);
        reader.setDaemon(true); // a forgotten console must not keep the JVM alive
    }

    /** A console with default settings; call {@link #start()} to begin reading. */
    public static Console open(ConsoleTransport transport, Path rawCaptureFile) throws IOException {
        return builder(transport).rawCapture(rawCaptureFile).build();
    }

    public static Builder builder(ConsoleTransport transport) {
        return new Builder(transport);
    }

    /**
     * Starts the reader thread, which opens the transport (waiting for the device to appear if it is not there
     * yet, e.g. a USB console that exists only once the board is powered). Use {@link #awaitConnected} to
     * wait for it. Add listeners before starting to see every line.
     */
    public Console start() {
        if (closed.get()) {
            throw new IllegalStateException("console is closed");
        }
        if (started.compareAndSet(false, true)) {
            reader.start();
        }
        return this;
    }

    public void addListener(Consumer<ConsoleLine> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void addStateListener(Consumer<ConsoleState> listener) {
        status.addListener(Objects.requireNonNull(listener));
    }

    /** Seq of the newest line so far, 0 if none: the usual {@code afterSeq} mark before sending a command. */
    public long lastSeq() {
        return history.lastSeq();
    }

    /**
     * The first line with seq &gt; {@code afterSeq} containing a match of {@code pattern}, including lines that
     * arrived before this call and are still in the history. Empty on timeout (or once the console is closed
     * or its replay ended), never an exception.
     */
    public Optional<ConsoleLine> awaitLine(Pattern pattern, long afterSeq, Duration timeout) {
        return history.await(pattern, afterSeq, timeout);
    }

    /** Lines with seq &gt; {@code afterSeq} still in the bounded history, oldest first. */
    public List<ConsoleLine> lines(long afterSeq) {
        return history.after(afterSeq);
    }

    /** The last {@code n} lines, oldest first; for error messages. */
    public List<ConsoleLine> tail(int n) {
        return history.tail(n);
    }

    /** Sends {@code command + "\r\n"} as UTF-8. */
    public void send(String command) throws IOException {
        byte[] cmd = command.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[cmd.length + NEWLINE.length];
        System.arraycopy(cmd, 0, data, 0, cmd.length);
        System.arraycopy(NEWLINE, 0, data, cmd.length, NEWLINE.length);
        sendBytes(data);
    }

    /** Sends raw bytes. They are not part of the receive capture; they go to the tx log if one is set. */
    public void sendBytes(byte[] data) throws IOException {
        synchronized (sendLock) {
            transport.write(data);
            if (txLog != null) {
                txLog.append(data, 0, data.length);
            }
        }
    }

    /** Sends a serial BREAK (e.g. to enter a boot monitor); false if the transport cannot. */
    public boolean sendBreak(Duration duration) {
        synchronized (sendLock) {
            return transport.sendBreak(duration);
        }
    }

    /** Sets DTR or RTS (a board's reset or boot pin); false if the transport cannot. */
    public boolean setControlLine(ConsoleTransport.ControlLine line, boolean asserted) {
        synchronized (sendLock) {
            return transport.setControlLine(line, asserted);
        }
    }

    public boolean isConnected() {
        return status.isConnected();
    }

    /** Waits until the transport is open (CONNECTED or RECONNECTED); false on timeout or close. */
    public boolean awaitConnected(Duration timeout) {
        return status.await(ConnectionStatus::isConnected, timeout);
    }

    /** Waits until the console is in state DISCONNECTED; false on timeout or close. */
    public boolean awaitDisconnect(Duration timeout) {
        return status.await(s -> s.state() == ConsoleState.DISCONNECTED, timeout);
    }

    /** How many times the device went away so far. */
    public int disconnects() {
        return status.disconnects();
    }

    /**
     * Waits until at least {@code count} disconnects happened in total. Race-free for resets: read
     * {@link #disconnects()}, reset the board, wait for one more, then {@link #awaitConnected}.
     */
    public boolean awaitDisconnects(int count, Duration timeout) {
        return status.await(s -> s.disconnects() >= count, timeout);
    }

    /** Bytes received into the capture since this console opened it. */
    public long capturedBytes() {
        return capturedBytes;
    }

    public Path rawCaptureFile() {
        return capture.file();
    }

    /** Why the transport last failed to open or read, for diagnostics when awaitConnected returns false. */
    public Optional<IOException> lastTransportError() {
        return Optional.ofNullable(lastTransportError);
    }

    /**
     * Forces the capture to disk, so that a journal record referring to its bytes never points past
     * what a power loss leaves.
     */
    public void syncCapture() throws IOException {
        capture.force();
    }

    /** Set if writing the capture failed (disk full...): the run's evidence is then incomplete. */
    public Optional<IOException> captureError() {
        return Optional.ofNullable(captureError);
    }

    public String describe() {
        return transport.describe() + " -> " + capture.file();
    }

    /** Stops the reader (bounded wait), flushes the partial line, closes transport and files. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop.set();
        if (started.get() && Thread.currentThread() != reader) {
            joinReader();
            stoppedWhenAsked = !reader.isAlive();
            if (reader.isAlive()) {
                // Stuck in a read that ignores its timeout: closing the transport under it unblocks it.
                closeQuietly(transport);
                joinReader();
            }
            if (reader.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "console reader for " + transport.describe() + " did not stop");
            }
        }
        if (!started.get()) {
            closeQuietly(transport);
        }
        history.end();
        IOException failure = null;
        try {
            capture.close();
        } catch (IOException e) {
            failure = e;
        }
        if (txLog != null) {
            try {
                txLog.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        status.set(ConsoleState.CLOSED);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Whether {@link #close()} found the reader thread ended when it first waited for it, the reader
     * having noticed the stop between two timed reads; false before close, when the reader had to be
     * unblocked by closing the transport under it, or when it never ended.
     */
    boolean stoppedWhenAsked() {
        return stoppedWhenAsked;
    }

    private void joinReader() {
        try {
            reader.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- reader thread ----

    private void run() {
        try {
            boolean first = true;
            while (connect()) {
                status.set(first ? ConsoleState.CONNECTED : ConsoleState.RECONNECTED);
                first = false;
                pump();
                framer.flush();
                history.publish();
                closeQuietly(transport);
                if (stop.isSet()) {
                    break;
                }
                status.set(ConsoleState.DISCONNECTED);
                if (!transport.canReconnect()) {
                    break;
                }
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "console reader for " + transport.describe() + " failed", t);
        } finally {
            framer.flush();
            closeQuietly(transport);
            history.end();
        }
    }

    /**
     * Opens the transport, retrying with a short growing back-off until it works; false when stopping. An
     * absent device is watched for where the transport can, so a board back from a power cycle is read at once.
     */
    private boolean connect() {
        Backoff backoff = new Backoff();
        while (!stop.isSet()) {
            if (transport.isPresent()) {
                try {
                    transport.open();
                    return true;
                } catch (IOException e) {
                    lastTransportError = e;
                    closeQuietly(transport);
                }
            } else if (transport.awaitPresent(Backoff.MAX)) {
                // Woken by the device appearing (or the bounded watch ended): look again at once.
                continue;
            }
            stop.await(backoff.next());
        }
        return false;
    }

    /** Reads until the device is gone or the console stops. */
    private void pump() {
        byte[] buf = new byte[16 * 1024];
        while (!stop.isSet()) {
            int n;
            try {
                n = transport.read(buf);
            } catch (IOException e) {
                lastTransportError = e;
                return;
            }
            if (n < 0) {
                return;
            }
            if (n > 0) {
                record(buf, n);
            }
        }
    }

    private void record(byte[] buf, int n) {
        // Evidence first: the bytes are on disk before any listener sees the line they belong to.
        try {
            capture.append(buf, 0, n);
        } catch (IOException e) {
            if (captureError == null) {
                // One line, no stack trace: a full disk is an operating condition, not a harness bug.
                LOG.log(System.Logger.Level.ERROR, "writing console capture " + capture.file() + " failed: " + e.getMessage());
            }
            captureError = e;
        }
        capturedBytes += n;
        framer.feed(buf, 0, n);
        history.publish();
    }

    /**
     * Every line the harness hands on has a device's private key replaced (see {@link KeyRedaction}):
     * history, listeners, the journal and the reports built on them. The raw capture has every byte.
     */
    private void deliver(ConsoleLine framed) {
        String text = keys.next(framed.text());
        ConsoleLine line = text.equals(framed.text()) ? framed
                : new ConsoleLine(framed.seq(), framed.offset(), framed.hostTime(), text, framed.truncated());
        history.add(line);
        for (Consumer<ConsoleLine> l : listeners) {
            try {
                l.accept(line);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "console line listener failed on line " + line.seq(), t);
            }
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing a device that already vanished often fails; nothing left to save.
        }
    }

    /** Settings for a {@link Console}. */
    public static final class Builder {
        private final ConsoleTransport transport;
        private Path rawCapture;
        private Path txLog;
        private int maxLineLength = LineFramer.DEFAULT_MAX_LINE_LENGTH;
        private int historyLines = 10_000;
        private long historyChars = 32L * 1024 * 1024;
        private String threadName = "console-reader";
        private Clock clock = Clock.systemUTC();

        private Builder(ConsoleTransport transport) {
            this.transport = Objects.requireNonNull(transport);
        }

        /** Required: file receiving every byte read (created 0600, appended to if it exists). */
        public Builder rawCapture(Path file) {
            this.rawCapture = file;
            return this;
        }

        /** Optional: file receiving every byte sent, kept apart so the receive capture stays the board's words. */
        public Builder txLog(Path file) {
            this.txLog = file;
            return this;
        }

        public Builder maxLineLength(int bytes) {
            this.maxLineLength = bytes;
            return this;
        }

        /** History bounds: at most this many lines and this many characters in total. */
        public Builder history(int lines, long chars) {
            this.historyLines = lines;
            this.historyChars = chars;
            return this;
        }

        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Console build() throws IOException {
            Objects.requireNonNull(rawCapture, "rawCapture file is required");
            return new Console(this);
        }
    }
}
