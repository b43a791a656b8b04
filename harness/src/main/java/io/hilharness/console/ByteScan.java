package io.hilharness.console;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SWAR: one {@code long} holds eight bytes, and a few
 * arithmetic tricks test all of them at once): framing and reading multi-gigabyte logs cannot be
 * faster than their byte search, and the JIT does not vectorise a search that stops early.
 */
public final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BELOW_CR = ONES * ('\r' + 1);
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ByteScan() {
    }

    /** Index of the first CR or LF in {@code buf[from, to)}, or {@code to}. */
    public static int lineEnd(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            // One test for both: any byte below 0x0E. The lowest one flagged is exact; if it is some
            // other control character (a tab), the rest of this word is looked at byte by byte.
            long x = (long) LONGS.get(buf, i);
            long control = (x - BELOW_CR) & ~x & HIGHS;
            if (control != 0) {
                for (int k = i + (Long.numberOfTrailingZeros(control) >>> 3); k < i + 8; k++) {
                    if (buf[k] == '\r' || buf[k] == '\n') {
                        return k;
                    }
                }
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\r' || buf[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** Whether every byte of {@code buf[from, to)} is printable ASCII (0x20 to 0x7E). */
    public static boolean printableAscii(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i);
            // high bit set, or a byte that reaches 0x80 when 1 is added (0x7F), or one below 0x20
            long bad = (x | (x + ONES)) & HIGHS | (x - ONES * 0x20) & ~x & HIGHS;
            if (bad != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (buf[i] < 0x20 || buf[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash of {@code buf[from, to)}, eight bytes per step: for tables keyed by byte runs that are
     * compared with {@link java.util.Arrays#equals(byte[], int, int, byte[], int, int)} on a hit.
     */
    public static int hash(byte[] buf, int from, int to) {
        // The multiplications do not wait for one another: only a rotate and an add are chained.
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h, 23) + (long) LONGS.get(buf, i) * GOLDEN;
        }
        for (; i < to; i++) {
            h = Long.rotateLeft(h, 23) + buf[i] * GOLDEN;
        }
        h *= GOLDEN;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
