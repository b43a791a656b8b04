package io.hilharness.devlog;

import io.hilharness.console.ByteScan;
import java.util.Arrays;

/**
 * Canonical lines met before, without their port suffix, with what was made of them. A device's
 * debug log repeats a few dozen texts (the same file, line, ssl context and message) that differ
 * only in the client port, so after the first of each, a line is known by one hash and one
 * comparison instead of being read again.
 *
 * <p>Everything {@link LineFacts} say of a canonical line except the port is a function of the
 * bytes before {@code , port N}: the same key means the same facts. A table of fixed size keeps
 * memory fixed; texts that keep coming new (hex dump rows of varying bytes) take only free slots,
 * and a miss costs only a fresh reading. Thread-confined, like the parser that owns it.
 */
final class LineShapes {

    /** What a line's text says, apart from its port: the {@link LineFacts} that do not depend on where the line is. */
    record Shape(EventType type, Integer code, Integer alertLevel, Integer alertDescription, String context, Long bytes,
                 String method, String path) {
        static Shape of(LineFacts f) {
            return new Shape(f.type(), f.code(), f.alertLevel(), f.alertDescription(), f.context(), f.bytes(), f.method(),
                    f.path());
        }
    }

    private static final int SLOTS = 1 << 10;
    /** Slots looked at from a key's home slot (linear probing), so that a few colliding texts all stay. */
    private static final int PROBES = 4;
    private static final byte[] PORT = ", port ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[][] keys = new byte[SLOTS][];
    private final Shape[] shapes = new Shape[SLOTS];

    // Of the last find: where the key ends (the port's digits start, or the line's end) and the port.
    private int keyEnd;
    private int slot;
    int port;

    /**
     * The shape of {@code b[from, to)} if a line with the same text before its port was remembered;
     * null otherwise (then {@link #remember} may store the line's shape once it has been read).
     */
    Shape find(byte[] b, int from, int to) {
        keyEnd = -1;
        if (to - from > NativeLineReader.MAX_LENGTH) {
            return null;
        }
        int digits = to;
        while (digits > from && to - digits <= 5 && NativeLineReader.isDigit(b[digits - 1])) {
            digits--;
        }
        port = -1;
        int end = to;
        if (digits < to && to - digits <= 5 && endsWithPort(b, from, digits)) {
            port = NativeLineReader.number(b, digits, to);
            if (port > 65535) {
                return null; // not canonical
            }
            end = digits;
        } else if (endsWithPort(b, from, to)) {
            return null; // a port suffix without digits: not canonical, and not the key of one with digits
        }
        keyEnd = end;
        int home = ByteScan.hash(b, from, end) & (SLOTS - 1);
        slot = home;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (home + probe) & (SLOTS - 1);
            byte[] key = keys[at];
            if (key == null) {
                slot = at; // a free slot: remember would fill it
                return null;
            }
            if (Arrays.equals(key, 0, key.length, b, from, end)) {
                return shapes[at];
            }
        }
        return null; // remember would take the home slot
    }

    /**
     * Remembers {@code shape} for the line last given to {@link #find}, which {@link NativeLineReader}
     * read with port {@code readPort}. Skipped where the two disagree on the port: only lines whose
     * suffix both read alike are keyed by their text without it.
     */
    void remember(byte[] b, int from, int readPort, Shape shape) {
        if (keyEnd < 0 || readPort != port) {
            return;
        }
        keys[slot] = Arrays.copyOfRange(b, from, keyEnd);
        shapes[slot] = shape;
    }

    /**
     * {@link #remember}, but only into a free slot: for a line read as cheaply as it is looked up (a
     * hex dump row), which must not push out one whose reading cost a String.
     */
    void rememberIfRoom(byte[] b, int from, int readPort, Shape shape) {
        if (keys[slot] == null) {
            remember(b, from, readPort, shape);
        }
    }

    private static boolean endsWithPort(byte[] b, int from, int at) {
        int start = at - PORT.length;
        return start >= from && Arrays.equals(b, start, at, PORT, 0, PORT.length);
    }
}
