package io.hilharness.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a stream of console bytes into {@link ConsoleLine}s.
 *
 * <p>Framing works on bytes and only then decodes each line as UTF-8 (invalid sequences become U+FFFD), so a
 * multibyte character or a CRLF split across two reads cannot corrupt anything: the framer's state simply
 * carries over to the next {@link #feed}. Terminators are LF, CR and CRLF; a lone CR ends a line too, because
 * boards redraw progress lines with {@code "\r\x1b[2K..."}. Other bytes (NUL, escape sequences) stay in the
 * text as they are.
 *
 * <p>Memory is bounded by {@code maxLineLength}: a longer line is emitted in pieces of at most that many
 * bytes, each flagged {@code truncated}. A cut never splits a UTF-8 character that is complete in the stream.
 *
 * <p>Not thread-safe: it belongs to the console's reader thread.
 */
public final class LineFramer {

    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final byte[] line;
    private final Clock clock;
    private final RawSink sink;

    private int len;
    /** Stream offset of the next byte fed. */
    private long nextOffset;
    /** Stream offset of the current line's first byte, -1 when no line is in progress. */
    private long lineStart = -1;
    /** The previous byte was a CR terminator, so an LF now completes a CRLF rather than ending an empty line. */
    private boolean afterCr;
    /** The line in progress already had a piece emitted because it was too long. */
    private boolean cut;
    private long nextSeq = 1;
    /** Arrival time of the latest chunk: the hostTime of a line flushed without its terminator. */
    private Instant lastArrival;

    /**
     * @param maxLineLength longest line in bytes emitted whole (at least 8)
     * @param startOffset   stream offset of the first byte that will be fed (the capture file's size)
     * @param sink          receives every line, in order, on the feeding thread
     */
    public LineFramer(int maxLineLength, long startOffset, Clock clock, Consumer<ConsoleLine> sink) {
        this(maxLineLength, startOffset, clock, decoding(Objects.requireNonNull(sink)));
    }

    /**
     * Receives each line as bytes, not decoded: for readers that look at most lines without a String
     * ({@code hil analyze}). The bytes are valid only during the call.
     */
    @FunctionalInterface
    public interface RawSink {
        void line(byte[] buf, int off, int len, long seq, long offset, Instant hostTime, boolean truncated);
    }

    /** A framer handing out raw lines. */
    public LineFramer(int maxLineLength, long startOffset, Clock clock, RawSink sink) {
        if (maxLineLength < 8) {
            throw new IllegalArgumentException("maxLineLength must be at least 8, got " + maxLineLength);
        }
        this.line = new byte[maxLineLength];
        this.nextOffset = startOffset;
        this.clock = Objects.requireNonNull(clock);
        this.sink = Objects.requireNonNull(sink);
    }

    private static RawSink decoding(Consumer<ConsoleLine> sink) {
        return (buf, off, len, seq, offset, hostTime, truncated) ->
                sink.accept(new ConsoleLine(seq, offset, hostTime, decode(buf, off, len), truncated));
    }

    public LineFramer(Consumer<ConsoleLine> sink) {
        this(DEFAULT_MAX_LINE_LENGTH, 0, Clock.systemUTC(), sink);
    }

    /** Frames {@code n} bytes of {@code buf} starting at {@code off}; complete lines go to the sink. */
    public void feed(byte[] buf, int off, int n) {
        Objects.checkFromIndexSize(off, n, buf.length);
        if (n == 0) {
            return;
        }
        // One timestamp per chunk: all its bytes arrived together.
        Instant now = clock.instant();
        lastArrival = now;
        int end = off + n;
        int i = off;
        while (i < end) {
            if (afterCr) {
                afterCr = false;
                if (buf[i] == LF) {
                    i++; // second half of a CRLF, possibly from a later read
                    nextOffset++;
                    continue;
                }
            }
            if (lineStart < 0) {
                lineStart = nextOffset;
            }
            // Scan to the terminator eight bytes at a time, then move the run of bytes in one go.
            int stop = ByteScan.lineEnd(buf, i, end);
            if (stop < end && len == 0 && stop - i <= line.length) {
                // The whole line is in this chunk: hand it on straight from the read buffer.
                nextOffset += stop - i + 1;
                emitLine(now, buf, i, stop - i);
                afterCr = buf[stop] == CR;
                i = stop + 1;
                continue;
            }
            append(buf, i, stop - i, now);
            nextOffset += stop - i;
            i = stop;
            if (i < end) {
                nextOffset++;
                emitLine(now, line, 0, len);
                afterCr = buf[i] == CR;
                i++;
            }
        }
    }

    /** Adds bytes to the line in progress, emitting full pieces of an over-long line on the way. */
    private void append(byte[] buf, int from, int count, Instant now) {
        while (count > 0) {
            if (len == line.length) {
                emitPiece(now);
            }
            int k = Math.min(count, line.length - len);
            System.arraycopy(buf, from, line, len, k);
            len += k;
            from += k;
            count -= k;
        }
    }

    /** Emits the line in progress, if any, without waiting for its terminator (on close or disconnect). */
    public void flush() {
        if (lineStart >= 0) {
            emitLine(lastArrival, line, 0, len);
        }
    }

    /** Seq the next emitted line will get. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Stream offset of the next byte to be fed. */
    public long nextOffset() {
        return nextOffset;
    }

    private void emitLine(Instant now, byte[] buf, int off, int n) {
        sink.line(buf, off, n, nextSeq++, lineStart, now, cut);
        len = 0;
        lineStart = -1;
        cut = false;
    }

    /** The buffer is full and the line goes on: emit what fits, keeping a split UTF-8 character for later. */
    private void emitPiece(Instant now) {
        int carry = incompleteUtf8Tail(line, len);
        int pieceLen = len - carry;
        sink.line(line, 0, pieceLen, nextSeq++, lineStart, now, true);
        System.arraycopy(line, pieceLen, line, 0, carry);
        len = carry;
        lineStart += pieceLen;
        cut = true;
    }

    /** The line's text, as a {@code Consumer<ConsoleLine>} sink gets it. */
    public static String decode(byte[] bytes, int from, int n) {
        // String's UTF-8 decoder replaces malformed input with U+FFFD; it never throws.
        return new String(bytes, from, n, StandardCharsets.UTF_8);
    }

    /**
     * Number of trailing bytes (0-3) that start a UTF-8 character not yet complete, i.e. that should move to
     * the next piece. Malformed tails return 0: they decode to U+FFFD wherever they end up.
     */
    static int incompleteUtf8Tail(byte[] buf, int len) {
        for (int k = 1; k <= Math.min(3, len); k++) {
            int c = buf[len - k] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
            return need > k ? k : 0;
        }
        return 0;
    }
}
