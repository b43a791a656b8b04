package io.hilharness.devlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The facts of a canonical mbedtls line ({@link NativeLineReader}) in a reused view, valid until the
 * next line, so that a multi-gigabyte log does not cost an event object per line: either what a
 * line whose text (apart from its port) was met before says ({@link #reuse}, from
 * {@link LineShapes}), or, for a message no rule and no death pattern can recognise (hex dump rows
 * above all, whose bytes hardly ever repeat), OTHER, decided from its bytes
 * ({@link MessageClassifier#mayRecognise}). Any other line is the classifier's to read.
 */
final class NativeLineFacts implements LineFacts {

    private static final Integer[] PORTS = new Integer[65536];

    private final NativeLineReader line;
    // Where the line is. References are stored only when they change: under G1 each reference store
    // costs a write barrier, and this view is written for every line of a multi-gigabyte log.
    private byte[] buf;
    private int from;
    private int to;
    private int port;
    private long seq;
    private long offset;
    private Instant hostTime;
    private int boot;
    /** What the line says, apart from its port. */
    private LineShapes.Shape shape;

    NativeLineFacts(NativeLineReader line) {
        this.line = line;
    }

    /**
     * Takes the line {@link NativeLineReader} just read from {@code [from, to)} of its buffer as OTHER
     * when nothing can make more of it: the classifier would find no rule, no death pattern, and
     * the line is not at mbedTLS's error level.
     *
     * @return false when the classifier must read the message
     */
    boolean classifyAsOther(int from, int to, long seq, long offset, Instant hostTime, int boot) {
        if (line.level == 1 || MessageClassifier.mayRecognise(line.buf, line.bodyStart, line.bodyEnd)) {
            return false;
        }
        shape = new LineShapes.Shape(EventType.OTHER, null, null, null, line.context(), null, null, null);
        at(line.buf, from, to, line.port, seq, offset, hostTime, boot);
        return true;
    }

    /** What the line last classified or reused says, apart from its port. */
    LineShapes.Shape shape() {
        return shape;
    }

    /** Takes the facts of a line whose text (apart from its port) was read before, this way or the String way. */
    void reuse(LineShapes.Shape known, byte[] buf, int from, int to, int port, long seq, long offset, Instant hostTime,
               int boot) {
        if (shape != known) {
            shape = known;
        }
        at(buf, from, to, port, seq, offset, hostTime, boot);
    }

    private void at(byte[] buf, int from, int to, int port, long seq, long offset, Instant hostTime, int boot) {
        if (this.buf != buf) {
            this.buf = buf;
        }
        if (this.hostTime != hostTime) {
            this.hostTime = hostTime;
        }
        this.from = from;
        this.to = to;
        this.port = port;
        this.seq = seq;
        this.offset = offset;
        this.boot = boot;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public Instant hostTime() {
        return hostTime;
    }

    @Override
    public int boot() {
        return boot;
    }

    @Override
    public Long deviceMs() {
        return null;
    }

    @Override
    public EventType type() {
        return shape.type();
    }

    @Override
    public String format() {
        return MbedtlsNativeFormat.NAME;
    }

    @Override
    public String context() {
        return shape.context();
    }

    @Override
    public Integer port() {
        int p = port;
        if (p < 0) {
            return null;
        }
        Integer boxed = PORTS[p];
        if (boxed == null) {
            boxed = p; // racy but harmless: any Integer of the same value will do
            PORTS[p] = boxed;
        }
        return boxed;
    }

    @Override
    public Integer code() {
        return shape.code();
    }

    @Override
    public Integer alertLevel() {
        return shape.alertLevel();
    }

    @Override
    public Integer alertDescription() {
        return shape.alertDescription();
    }

    @Override
    public String alertName() {
        Integer description = shape.alertDescription();
        return description == null ? null : TlsAlerts.name(description);
    }

    @Override
    public Long bytes() {
        return shape.bytes();
    }

    @Override
    public String method() {
        return shape.method();
    }

    @Override
    public String path() {
        return shape.path();
    }

    @Override
    public String raw() {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
