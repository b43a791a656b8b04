package io.hilharness.testing;

import io.hilharness.console.ConsoleTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A console link to a board that exists only in the test: lines the test (or a fake firmware) emits
 * arrive as bytes, CR LF terminated as on a UART; lines written to it go to a handler, as typed
 * commands reach a firmware's shell. A write can be told to fail, as on a console that vanished.
 */
public final class ScriptedTransport implements ConsoleTransport {
    /** Short, so the console's reader notices a close quickly (transports time out reads at about 100 ms). */
    private static final long POLL_MS = 10;

    private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    private final Consumer<String> commands;
    private final AtomicReference<IOException> nextWriteFailure = new AtomicReference<>();
    private byte[] pending = new byte[0];

    /** @param commands gets each line written to the console, without its line end */
    public ScriptedTransport(Consumer<String> commands) {
        this.commands = commands;
    }

    public void emit(String line) {
        incoming.add((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next write throws {@code failure}. */
    public void failNextWrite(IOException failure) {
        nextWriteFailure.set(failure);
    }

    @Override
    public void open() {
    }

    @Override
    public int read(byte[] buf) throws IOException {
        if (pending.length == 0) {
            try {
                byte[] next = incoming.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    return 0;
                }
                pending = next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        int n = Math.min(buf.length, pending.length);
        System.arraycopy(pending, 0, buf, 0, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        IOException failure = nextWriteFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        for (String line : new String(data, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isEmpty()) {
                commands.accept(line);
            }
        }
    }

    @Override
    public boolean sendBreak(Duration duration) {
        return false;
    }

    @Override
    public String describe() {
        return "scripted console";
    }

    @Override
    public void close() {
    }
}
