package io.hilharness.console;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SWAR: one {@code long} holds eight bytes, and a few
 * arithmetic tricks test all of them at once). A byte-by-byte loop was the floor of framing and
 * reading multi-gigabyte logs: the JIT does not vectorise a search that stops early.
 */
public final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * '\r';
    private static final long LFS = ONES * '\n';

    private ByteScan() {
    }

    /** Index of the first CR or LF in {@code buf[from, to)}, or {@code to}. */
    public static int lineEnd(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i);
            long found = zeroBytes(x ^ CRS) | zeroBytes(x ^ LFS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
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
     * The high bit of each byte of {@code x} that is zero, exactly for the lowest such byte (bits
     * above a zero byte may be set by the borrow; callers only look at the lowest).
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
