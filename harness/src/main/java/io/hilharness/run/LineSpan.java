package io.hilharness.run;

/**
 * Console lines that follow one another in {@code console.raw}, as a journal refers to a board's
 * lines instead of copying them: the line numbered {@code seq} starting at byte {@code offset}, and the
 * {@code count - 1} lines after it.
 */
public record LineSpan(long seq, long offset, int count) {
    public LineSpan {
        if (seq < 0 || offset < 0 || count < 1) {
            throw new IllegalArgumentException("a line span needs seq and offset of at least 0 and a count of at least 1,"
                    + " not [" + seq + ", " + offset + ", " + count + "]");
        }
    }
}
