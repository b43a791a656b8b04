package io.hilharness.devlog;

import io.hilharness.console.ByteScan;

/**
 * Reads an mbedtls-format line ({@code ./library/ssl_srv.c:4511: |2| 0x7f..: server state: 5, port 49584})
 * straight from its bytes, by index: the same prefix, context, severity and port that
 * {@link MbedtlsNativeFormat#parse} and the classifier's port split give, without their substrings
 * and intermediate objects. Long logs are almost entirely such lines, and per-line garbage would
 * cost {@code hil analyze} more than the reading itself.
 *
 * <p>Only canonical lines are read: printable ASCII, at most {@link #MAX_LENGTH} bytes, no trailing
 * blank, the prefix at the very start and a plain port suffix. Anything else (terminal codes,
 * non-ASCII, noise before the prefix, odd suffixes) is left to the String path, which judges it by
 * regex; so the two always agree ({@code NativeLineReaderPropertyTest} checks it).
 *
 * <p>Mutable, reused for every line, and it keeps the last few file names and context pointers so
 * that repeats are not copied again: thread-confined, like the parser that owns it.
 */
final class NativeLineReader {

    /** mbedTLS cuts its debug text at 512 bytes; longer lines are not canonical. */
    static final int MAX_LENGTH = 512;

    private static final byte[] PORT = ", port ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final RecentStrings files = new RecentStrings();
    private final RecentStrings contexts = new RecentStrings();

    // The last line read: valid until the next read.
    byte[] buf;
    /** End of the line in {@link #buf}. */
    int lineTo;
    int fileBase;
    int fileEnd;
    int lineNumber;
    /** mbedTLS debug level, or -1. */
    int level;
    int contextStart;
    /** End of the context pointer, or -1 when the line has none. */
    int contextEnd;
    /** The message without prefix, context and port suffix: [bodyStart, bodyEnd). */
    int bodyStart;
    int bodyEnd;
    /** The client port, or -1. */
    int port;

    /** Reads {@code b[from, to)}; false when the line is not canonical (the fields are then undefined). */
    boolean read(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > MAX_LENGTH || b[to - 1] == ' ' || !ByteScan.printableAscii(b, from, to)) {
            return false;
        }
        buf = b;
        lineTo = to;
        fileEnd = sourceFileEnd(b, from, to);
        if (fileEnd < 0) {
            return false;
        }
        int lineEnd = digitsEnd(b, fileEnd + 1, to, 7);
        if (lineEnd < 0 || lineEnd >= to || b[lineEnd] != ':') {
            return false;
        }
        lineNumber = number(b, fileEnd + 1, lineEnd);
        int end = lineEnd + 1;
        level = -1;
        if (end + 3 < to && b[end] == ' ' && b[end + 1] == '|' && isDigit(b[end + 2]) && b[end + 3] == '|') {
            level = b[end + 2] - '0';
            end += 4;
        }
        contextStart = end < to && b[end] == ' ' ? end + 1 : end;
        contextEnd = contextEnd(b, contextStart, to);
        bodyStart = contextEnd < 0 ? contextStart : contextEnd + 2;
        bodyEnd = to;
        port = -1;
        int at = lastIndexOf(b, PORT, bodyStart, to);
        if (at >= 0) {
            int digits = at + PORT.length;
            if (digitsEnd(b, digits, to, 5) != to) {
                return false; // the regex decides what such a suffix means
            }
            port = number(b, digits, to);
            if (port > 65535) {
                return false;
            }
            bodyEnd = at;
        }
        fileBase = from;
        for (int i = fileEnd - 1; i >= from; i--) {
            if (b[i] == '/' || b[i] == '\\') {
                fileBase = i + 1;
                break;
            }
        }
        return true;
    }

    /** Fills the builder's format, prefix fields, context, severity, port and message from the last line read. */
    void fill(DeviceEvent.Builder b) {
        b.format(MbedtlsNativeFormat.NAME)
                .severity(severity())
                .file(file())
                .line(lineNumber)
                .debugLevel(level < 0 ? null : level)
                .context(context())
                .message(body());
        if (port >= 0) {
            b.port(port);
        }
    }

    /** {@link MbedtlsNativeFormat}'s severity: error at level 1, a warning when the message mentions an alert. */
    Severity severity() {
        return level == 1 ? Severity.ERROR : containsAlert(buf, bodyStart, lineTo)
                ? Severity.WARNING : Severity.INFO;
    }

    String file() {
        return files.get(buf, fileBase, fileEnd);
    }

    String context() {
        return contextEnd < 0 ? null : contexts.get(buf, contextStart, contextEnd);
    }

    String body() {
        return new String(buf, bodyStart, bodyEnd - bodyStart, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link LineText#sourceFileEnd} at the start of the line: the run of path characters, followed
     * by a colon, ending in a dot and a 1 to 6 character extension. -1 otherwise.
     */
    private static int sourceFileEnd(byte[] b, int from, int to) {
        int end = from;
        int limit = Math.min(to, from + 208);
        while (end < limit && LineText.isPathChar((char) b[end])) {
            end++;
        }
        if (end >= to || b[end] != ':') {
            return -1;
        }
        int dot = end - 1;
        while (dot >= from && b[dot] != '.') {
            dot--;
        }
        int extension = end - dot - 1;
        if (dot <= from || extension < 1 || extension > 6 || dot - from > 200) {
            return -1;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!LineText.isWordChar((char) b[i])) {
                return -1;
            }
        }
        return end;
    }

    /** {@link LineText#digitsEnd} on bytes. */
    static int digitsEnd(byte[] b, int from, int to, int max) {
        int end = from;
        while (end < to && isDigit(b[end])) {
            end++;
        }
        return end > from && end - from <= max ? end : -1;
    }

    /** The value of digits {@code b[from, to)}; at most 9 of them, so it fits. */
    static int number(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** End of the context pointer at {@code from} (where its {@code ": "} starts), or -1: {@link LineText#contextOf}. */
    private static int contextEnd(byte[] b, int from, int to) {
        if (to - from >= 7 && b[from] == '(' && b[from + 1] == 'n' && b[from + 2] == 'i' && b[from + 3] == 'l'
                && b[from + 4] == ')' && b[from + 5] == ':' && b[from + 6] == ' ') {
            return from + 5;
        }
        if (to - from < 5 || b[from] != '0' || (b[from + 1] | 0x20) != 'x') {
            return -1;
        }
        int end = from + 2;
        while (end < to && LineText.isHexDigit((char) b[end])) {
            end++;
        }
        int digits = end - from - 2;
        boolean separated = end + 1 < to && b[end] == ':' && b[end + 1] == ' ';
        return digits >= 1 && digits <= 16 && separated ? end : -1;
    }

    /** Start of the last {@code word} within {@code b[from, to)}, or -1. */
    private static int lastIndexOf(byte[] b, byte[] word, int from, int to) {
        for (int i = to - word.length; i >= from; i--) {
            if (b[i] == word[0]) {
                int k = 1;
                while (k < word.length && b[i + k] == word[k]) {
                    k++;
                }
                if (k == word.length) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Case-insensitive "alert" in {@code b[from, to)}, which is ASCII. */
    private static boolean containsAlert(byte[] b, int from, int to) {
        for (int i = from; i + 5 <= to; i++) {
            if ((b[i] | 0x20) == 'a' && (b[i + 1] | 0x20) == 'l' && (b[i + 2] | 0x20) == 'e'
                    && (b[i + 3] | 0x20) == 'r' && (b[i + 4] | 0x20) == 't') {
                return true;
            }
        }
        return false;
    }

    /** The last few distinct strings asked for, compared in place so a repeat costs no copy. */
    private static final class RecentStrings {
        private final String[] recent = new String[8];
        private final byte[][] bytes = new byte[8][];
        private int next;

        String get(byte[] b, int from, int to) {
            int length = to - from;
            for (int k = 0; k < recent.length; k++) {
                byte[] r = bytes[k];
                if (r != null && r.length == length && java.util.Arrays.equals(r, 0, length, b, from, to)) {
                    return recent[k];
                }
            }
            byte[] copy = java.util.Arrays.copyOfRange(b, from, to);
            recent[next] = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1);
            bytes[next] = copy;
            String s = recent[next];
            next = (next + 1) % recent.length;
            return s;
        }
    }
}
