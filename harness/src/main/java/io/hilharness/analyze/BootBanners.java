package io.hilharness.analyze;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Finds where a boot banner line ({@code ... boot 3, reset cause: soft, ...}) starts in a log file:
 * the places a long log can be cut into stretches that are analyzed on their own. Only a proposal,
 * found by the banner's fixed text: whether the line really starts a new boot is for the parser to
 * say ({@link Pipeline#endsWhereStarts}).
 */
final class BootBanners {

    private static final byte[] MARK = ", reset cause: ".getBytes(StandardCharsets.US_ASCII);
    private static final int WINDOW = 1 << 20;

    private final FileChannel file;
    private final long size;
    private final int[] skip = new int[256];

    BootBanners(FileChannel file, long size) {
        this.file = file;
        this.size = size;
        // Boyer-Moore-Horspool: most positions are skipped by the pattern's length.
        java.util.Arrays.fill(skip, MARK.length);
        for (int i = 0; i < MARK.length - 1; i++) {
            skip[MARK[i] & 0xFF] = MARK.length - 1 - i;
        }
    }

    /**
     * Start of the first banner line that starts at or after {@code from} and is found within
     * {@code limit} bytes of it, or -1.
     */
    long lineStartAfter(long from, long limit) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(WINDOW);
        long end = Math.min(size, from + limit);
        // Windows overlap by a line's worth, so a banner across a window edge is found whole.
        for (long at = from; at < end; at += WINDOW - Pipeline.BUFFER) {
            buf.clear();
            int n = Math.max(0, file.read(buf, at));
            byte[] b = buf.array();
            for (int mark = find(b, 0, n); mark >= 0; mark = find(b, mark + 1, n)) {
                int lineStart = mark;
                while (lineStart > 0 && b[lineStart - 1] != '\n') {
                    lineStart--;
                }
                if (lineStart > 0 && at + lineStart >= from) {
                    return at + lineStart; // the byte before is the previous line's LF
                }
            }
            if (at + n >= size) {
                break;
            }
        }
        return -1;
    }

    private int find(byte[] b, int from, int to) {
        int last = MARK.length - 1;
        for (int i = from; i + last < to; ) {
            int k = last;
            while (k >= 0 && b[i + k] == MARK[k]) {
                k--;
            }
            if (k < 0) {
                return i;
            }
            i += skip[b[i + last] & 0xFF];
        }
        return -1;
    }
}
