package io.hilharness.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Plays a previously captured console log back as if a board were sending it, then reports the device gone
 * (once: it does not reconnect). Lets analysis code run against recorded evidence, and lets tests feed exact
 * byte sequences in chosen chunk sizes. Written bytes are discarded; nobody is listening.
 */
public final class ReplayTransport implements ConsoleTransport {

    private final Path file;
    private final int chunkSize;
    private InputStream in;

    public ReplayTransport(Path file) {
        this(file, 8192);
    }

    /** @param chunkSize largest number of bytes returned per read, e.g. 1 to exercise split reads */
    public ReplayTransport(Path file, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        this.file = Objects.requireNonNull(file);
        this.chunkSize = chunkSize;
    }

    @Override
    public void open() throws IOException {
        close();
        in = Files.newInputStream(file);
    }

    @Override
    public int read(byte[] buf) throws IOException {
        if (in == null) {
            return -1;
        }
        int n = in.read(buf, 0, Math.min(buf.length, chunkSize));
        return n < 0 ? -1 : n;
    }

    @Override
    public void write(byte[] data) {
        // A recording cannot answer; accepting keeps code that sends commands usable against a replay.
    }

    @Override
    public boolean sendBreak(Duration duration) {
        return false;
    }

    @Override
    public boolean canReconnect() {
        return false;
    }

    @Override
    public String describe() {
        return "replay " + file;
    }

    @Override
    public void close() throws IOException {
        InputStream is = in;
        in = null;
        if (is != null) {
            is.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
