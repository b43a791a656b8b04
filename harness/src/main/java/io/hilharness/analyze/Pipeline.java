package io.hilharness.analyze;

import io.hilharness.console.LineFramer;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.LineFacts;
import io.hilharness.devlog.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Framer, parser and session tracker over one stretch of a log, from the first byte or from a boot
 * banner ({@link ChunkedAnalysis}). Line numbers count from 1 within the stretch; what it finds is
 * held until the pipeline {@link #lead leads}, and from then goes to the listener after each read,
 * with line numbers moved by the lines before it. Used by one thread at a time.
 */
final class Pipeline implements LineFramer.RawSink {

    static final int BUFFER = 1 << 16;

    private final DeviceLogParser parser;
    private final SessionTracker tracker;
    private final LineFramer framer;
    private final List<Object> held = new ArrayList<>();
    private SessionTracker.Listener listener;
    private long linesBefore;
    private long unrecognised;
    private EventType firstType;
    private int firstBoot;

    Pipeline(LogFormat format, long startOffset, Instant modified) {
        this.parser = DeviceLogParser.inLineOrder(format);
        this.tracker = new SessionTracker(new SessionTracker.Listener() {
            @Override
            public void session(SessionSummary session) {
                found(session);
            }

            @Override
            public void boot(BootSummary boot) {
                found(boot);
            }
        });
        this.framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, startOffset, Clock.fixed(modified, ZoneOffset.UTC), this);
    }

    /**
     * One line from the framer. Parser and tracker are called from here directly, without a lambda
     * between: each per-line method is a root the JIT compiles with all it calls, and on two cores
     * those compilations take most of the first seconds.
     */
    @Override
    public void line(byte[] buf, int off, int len, long seq, long offset, Instant hostTime, boolean truncated) {
        LineFacts e = parser.facts(buf, off, len, seq, offset, hostTime, truncated);
        if (firstType == null) {
            firstType = e.type();
            firstBoot = e.boot();
        }
        if (e.format() == null && e.type() == EventType.OTHER) {
            unrecognised++;
        }
        tracker.accept(e);
    }

    /** Feeds {@code file[from, to)}, reading it with a fixed buffer. */
    void feed(FileChannel file, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        for (long at = from; at < to; ) {
            buf.clear().limit((int) Math.min(BUFFER, to - at));
            int n = file.read(buf, at);
            if (n < 0) {
                break; // the file shrank under us: analyze what there was
            }
            framer.feed(buf.array(), 0, n);
            handOn();
            at += n;
        }
    }

    /**
     * Feeds what was added to the file after {@code size} while it was read (a live capture being
     * analyzed), until it stops growing; returns the size read to. Nothing the file holds when the
     * reading reaches its end is left out.
     */
    long readGrowth(FileChannel file, long size, LongConsumer progress) throws IOException {
        for (long now = file.size(); now > size; now = file.size()) {
            feed(file, size, now);
            size = now;
            progress.accept(size);
        }
        return size;
    }

    /** Feeds everything {@code in} gives until its end (a pipe, which has no size to cut by). */
    void feed(InputStream in, LongConsumer progress) throws IOException {
        byte[] buf = new byte[BUFFER];
        long read = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            framer.feed(buf, 0, n);
            handOn();
            read += n;
            progress.accept(read);
        }
    }

    /**
     * Whether the sequential reading would have started afresh where {@code next} starts: its first
     * line is a boot banner of another boot than the one this pipeline is in, so every session open
     * here ends there and nothing carries over.
     */
    boolean endsWhereStarts(Pipeline next) {
        Integer boot = tracker.currentBoot();
        return next.firstType == EventType.BOOT && (boot == null || boot != next.firstBoot);
    }

    /** From now on findings go to {@code listener} (those held so far first), after {@code linesBefore} lines. */
    void lead(SessionTracker.Listener listener, long linesBefore) {
        this.listener = listener;
        this.linesBefore = linesBefore;
        handOn();
    }

    /** The stretch is over: sessions still open and the current boot are reported. */
    void finish(boolean endOfFile) {
        if (endOfFile) {
            framer.flush();
        }
        tracker.finish(); // a parser in line order holds nothing back: no parser.flush()
        handOn();
    }

    long lines() {
        return framer.nextSeq() - 1;
    }

    long unrecognised() {
        return unrecognised;
    }

    String formatName() {
        return parser.format().name();
    }

    /**
     * A session or boot found: kept until the read that found it is through. Handing it on from
     * here would put the listener (the JSON writer) into every line's path, which the JIT then
     * compiles, and compiles again, with the whole line loop.
     */
    private void found(Object o) {
        held.add(o);
    }

    /** Hands on what was found so far, once this pipeline leads (until then it waits). */
    private void handOn() {
        if (listener == null || held.isEmpty()) {
            return;
        }
        for (Object o : held) {
            emit(o);
        }
        held.clear();
    }

    private void emit(Object o) {
        if (o instanceof SessionSummary s) {
            listener.session(linesBefore == 0 ? s : SessionTracker.movedBy(s, linesBefore));
        } else {
            listener.boot((BootSummary) o);
        }
    }
}
