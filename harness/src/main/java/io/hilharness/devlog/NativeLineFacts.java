package io.hilharness.devlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The facts of a canonical mbedtls line ({@link NativeLineReader}) for the message shapes that fill
 * long logs (handshake states, handshake start and end, accept, close, alerts, error returns, hex
 * dumps), read from the bytes without a String or an event object. A reused view: valid until the
 * next line.
 *
 * <p>Each shape is the first classifier rule its message can match, read the way that rule's regex
 * reads it; any other message is left to the classifier ({@link #classify} answers false), so the
 * view never disagrees with the {@link DeviceEvent} the String path builds
 * ({@code NativeLineReaderPropertyTest} compares every field).
 *
 * <p>The view also carries the facts of a line whose text, apart from its port, was met before
 * ({@link #reuse}, from {@link LineShapes}), whatever its shape.
 */
final class NativeLineFacts implements LineFacts {

    private static final byte[] SERVER_STATE = ascii("server state: ");
    private static final byte[] CLIENT_STATE = ascii("client state: ");
    private static final byte[] HANDSHAKE_START = ascii("=> handshake");
    private static final byte[] HANDSHAKE_END = ascii("<= handshake");
    private static final byte[] FREE = ascii("=> free");
    private static final byte[] ACCEPTED = ascii("accepted connection from ");
    private static final byte[] CLOSED = ascii("connection closed");
    private static final byte[] ALERT = ascii("got an alert message, type: [");
    private static final byte[] FATAL = ascii("is a fatal alert message (msg ");
    private static final byte[] HANDSHAKE_FAILED = ascii("mbedtls_ssl_handshake failed: ");
    private static final byte[] RETURNED = ascii("() returned ");
    private static final byte[] DUMPING = ascii("dumping '");
    private static final byte[] MY_SIGNATURE = ascii("dumping 'my signature'");
    private static final byte[][] CONTAINS_RULES = {ascii("ready, listening on "), RETURNED};
    /**
     * The death words by their first two letters (lower-case ASCII, {@code first << 7 | second}): a hex
     * dump row is full of letters, a and f among them, and one lookup per byte costs far less than
     * asking every word.
     */
    private static final byte[][][] DEATH_WORDS_BY_PAIR = new byte[1 << 14][][];
    /**
     * By byte (lower-cased with 0x20 as below, masked to 7 bits): whether a death word or a
     * contains-rule literal can start there. Most bytes need this one lookup and nothing else.
     */
    private static final boolean[] MAY_START = new boolean[128];

    static {
        MAY_START['r'] = true;
        MAY_START['('] = true;
        for (String word : MessageClassifier.DEATH_WORDS) {
            MAY_START[word.charAt(0)] = true;
            int pair = word.charAt(0) << 7 | word.charAt(1);
            byte[][] same = DEATH_WORDS_BY_PAIR[pair];
            byte[][] more = same == null ? new byte[1][] : java.util.Arrays.copyOf(same, same.length + 1);
            more[more.length - 1] = ascii(word);
            DEATH_WORDS_BY_PAIR[pair] = more;
        }
    }

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
    // Read while classifying.
    private Integer code;
    private Integer alertLevel;
    private Integer alertDescription;

    NativeLineFacts(NativeLineReader line) {
        this.line = line;
    }

    /**
     * Classifies the line {@link NativeLineReader} just read from {@code [from, to)} of its buffer.
     *
     * @return false when the message is not one of the shapes read here
     */
    boolean classify(int from, int to, long seq, long offset, Instant hostTime, int boot) {
        code = null;
        alertLevel = null;
        alertDescription = null;
        EventType type = readShape();
        if (type == null) {
            return false;
        }
        shape = new LineShapes.Shape(type, code, alertLevel, alertDescription, line.context(), null, null, null);
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

    private EventType readShape() {
        byte[] b = line.buf;
        int start = line.bodyStart;
        int end = line.bodyEnd;
        if (line.bodyStartsWith(SERVER_STATE)) {
            return digitsToEnd(start + SERVER_STATE.length, 9) ? EventType.STATE : null;
        }
        if (line.bodyStartsWith(CLIENT_STATE)) {
            return digitsToEnd(start + CLIENT_STATE.length, 9) ? EventType.CLIENT_STATE : null;
        }
        if (line.bodyIs(HANDSHAKE_START)) {
            return EventType.HANDSHAKE_START;
        }
        if (line.bodyIs(HANDSHAKE_END)) {
            return EventType.HANDSHAKE_END;
        }
        if (line.bodyIs(FREE)) {
            return EventType.SSL_FREE;
        }
        if (line.bodyStartsWith(ACCEPTED)) {
            return end > start + ACCEPTED.length && indexOf(b, (byte) ' ', start + ACCEPTED.length, end) < 0
                    ? EventType.CONNECTION_ACCEPTED : null;
        }
        if (line.bodyStartsWith(CLOSED)) {
            return closed(start + CLOSED.length, end) ? EventType.CONNECTION_CLOSED : null;
        }
        if (line.bodyStartsWith(ALERT)) {
            return alert(start + ALERT.length, end) ? EventType.ALERT_RECEIVED : null;
        }
        if (line.bodyStartsWith(FATAL)) {
            int digits = start + FATAL.length;
            int close = NativeLineReader.digitsEnd(b, digits, end, 3);
            if (close < 0 || close != end - 1 || b[close] != ')') {
                return null;
            }
            alertLevel = 2;
            alertDescription = NativeLineReader.number(b, digits, close);
            return EventType.ALERT_FATAL;
        }
        if (line.bodyStartsWith(HANDSHAKE_FAILED)) {
            code = codeToEnd(start + HANDSHAKE_FAILED.length, end);
            return code == null ? null : EventType.HANDSHAKE_FAILED;
        }
        if (line.bodyStartsWith(DUMPING) && !line.bodyStartsWith(MY_SIGNATURE)) {
            return plainOther() ? EventType.OTHER : null; // a dump header: no rule but my signature's
        }
        if (hexRowStart(b, start, end)) {
            return plainOther() ? EventType.OTHER : null;
        }
        return returned(start, end) ? EventType.DEBUG_RETURN : null;
    }

    /** Digits from {@code at} to the end of the message, at most {@code max}. */
    private boolean digitsToEnd(int at, int max) {
        return NativeLineReader.digitsEnd(line.buf, at, line.bodyEnd, max) == line.bodyEnd;
    }

    /** {@code connection closed(?: \((.*)\))?$}; the code is the first {@code -0x..} in the reason. */
    private boolean closed(int at, int end) {
        if (at == end) {
            return true;
        }
        byte[] b = line.buf;
        if (end - at < 3 || b[at] != ' ' || b[at + 1] != '(' || b[end - 1] != ')') {
            return false;
        }
        if (indexOf(b, (byte) '-', at + 2, end - 1) >= 0) {
            code = ErrorCodes.findHex(new String(b, at + 2, end - 1 - at - 2, StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** {@code \[([0-9]{1,3}):([0-9]{1,3})\]$} after the alert literal. */
    private boolean alert(int at, int end) {
        byte[] b = line.buf;
        int colon = NativeLineReader.digitsEnd(b, at, end, 3);
        if (colon < 0 || colon >= end || b[colon] != ':') {
            return false;
        }
        int close = NativeLineReader.digitsEnd(b, colon + 1, end, 3);
        if (close < 0 || close != end - 1 || b[close] != ']') {
            return false;
        }
        alertLevel = NativeLineReader.number(b, at, colon);
        alertDescription = NativeLineReader.number(b, colon + 1, close);
        return true;
    }

    /** {@code (\w{1,100})\(\) returned (-?[0-9]{1,10}) \(-0[xX][0-9a-fA-F]{1,8}\)$}: the decimal is the code. */
    private boolean returned(int start, int end) {
        byte[] b = line.buf;
        int name = start;
        while (name < end && name - start <= 100 && LineText.isWordChar((char) b[name])) {
            name++;
        }
        if (name == start || name - start > 100 || !regionIs(b, name, end, RETURNED)) {
            return false;
        }
        int number = name + RETURNED.length;
        int digits = number < end && b[number] == '-' ? number + 1 : number;
        int space = NativeLineReader.digitsEnd(b, digits, end, 10);
        if (space < 0 || end - space < 6 || b[space] != ' ' || b[space + 1] != '(' || b[space + 2] != '-'
                || b[space + 3] != '0' || (b[space + 4] | 0x20) != 'x' || b[end - 1] != ')') {
            return false;
        }
        int hex = space + 5;
        if (end - 1 - hex < 1 || end - 1 - hex > 8 || !allHex(b, hex, end - 1)) {
            return false;
        }
        code = ErrorCodes.parse(new String(b, number, space - number, StandardCharsets.ISO_8859_1));
        return true;
    }

    /** A code token that is the rest of the message: {@code -?0[xX][0-9a-fA-F]{1,8}} or {@code -?[0-9]{1,10}}; else null. */
    private Integer codeToEnd(int at, int end) {
        byte[] b = line.buf;
        int body = at < end && b[at] == '-' ? at + 1 : at;
        boolean hex = end - body >= 3 && b[body] == '0' && (b[body + 1] | 0x20) == 'x'
                && end - body - 2 <= 8 && allHex(b, body + 2, end);
        boolean decimal = NativeLineReader.digitsEnd(b, body, end, 10) == end;
        if (!hex && !decimal) {
            return null;
        }
        return ErrorCodes.parse(new String(b, at, end - at, StandardCharsets.ISO_8859_1));
    }

    /** A hex dump row starts {@code [0-9a-fA-F]{4}: }, which no classifier rule's literal does. */
    private static boolean hexRowStart(byte[] b, int start, int end) {
        return end - start >= 6 && allHex(b, start, start + 4) && b[start + 4] == ':' && b[start + 5] == ' ';
    }

    /**
     * A message no rule matched is OTHER only when it holds no death word, no text a contains-rule
     * looks for, and the line is not at error level (that makes it ERROR).
     */
    private boolean plainOther() {
        if (line.level == 1) {
            return false;
        }
        byte[] b = line.buf;
        // One pass: only where a word's first two letters are does the word get compared.
        int last = line.bodyEnd - 1;
        for (int i = line.bodyStart; i < line.bodyEnd; i++) {
            int c = (b[i] | 0x20) & 0x7F; // the reader passes printable ASCII only; the mask keeps indexes safe
            if (!MAY_START[c]) {
                continue;
            }
            if (c == 'r' || c == '(') {
                for (byte[] word : CONTAINS_RULES) {
                    if (regionIs(b, i, line.bodyEnd, word)) {
                        return false;
                    }
                }
            }
            if (i == last) {
                break; // no word of two letters or more starts at the last byte
            }
            byte[][] words = DEATH_WORDS_BY_PAIR[c << 7 | ((b[i + 1] | 0x20) & 0x7F)];
            if (words != null) {
                for (byte[] word : words) {
                    if (regionIsIgnoreCase(b, i, line.bodyEnd, word)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean allHex(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!LineText.isHexDigit((char) b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionIs(byte[] b, int from, int end, byte[] literal) {
        if (from < 0 || end - from < literal.length) {
            return false;
        }
        for (int i = 0; i < literal.length; i++) {
            if (b[from + i] != literal[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Lower-case ASCII {@code word} at {@code b[from]}, ignoring case. */
    private static boolean regionIsIgnoreCase(byte[] b, int from, int end, byte[] word) {
        if (end - from < word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if ((b[from + i] | 0x20) != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
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
