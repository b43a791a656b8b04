package io.hilharness.bench;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference firmware's {@code flood} output (firmware-images/README.md): lines
 * {@code flood seq N t_us T ...} stamped with the device's wall clock in microseconds, then
 * {@code flood done: BYTES bytes in LINES lines}.
 */
final class FloodLines {

    static final Pattern DONE = Pattern.compile("flood done: ([0-9]{1,19}) bytes in ([0-9]{1,19}) lines");
    static final Pattern ABORTED = Pattern.compile("flood aborted: .*");
    private static final String SEQ = "flood seq ";
    private static final String TIME = " t_us ";

    private FloodLines() {
    }

    /** The firmware's own totals from its final line. */
    record Totals(long bytes, long lines) {
        static Totals of(String doneLine) {
            Matcher m = DONE.matcher(doneLine);
            if (!m.find()) {
                throw new IllegalArgumentException("not a flood done line: " + doneLine);
            }
            return new Totals(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
    }

    /** Sequence number of a flood line's message, or empty. */
    static OptionalLong seq(String message) {
        if (message == null || !message.startsWith(SEQ)) {
            return OptionalLong.empty();
        }
        return number(message, SEQ.length());
    }

    /** Device write time (µs since the epoch) of a flood line's message, or empty. */
    static OptionalLong writeMicros(String message) {
        int at = message == null ? -1 : message.indexOf(TIME);
        return at < 0 ? OptionalLong.empty() : number(message, at + TIME.length());
    }

    private static OptionalLong number(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < 19 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == from ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s, from, end, 10));
    }
}
