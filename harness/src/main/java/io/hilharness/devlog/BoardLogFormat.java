package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference board's console format: {@code <ms since boot>: [WARNING: |ERROR: ]<file> <line>: <message>},
 * e.g. {@code 682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]}.
 */
public final class BoardLogFormat implements LogFormat {

    public static final String NAME = "board";

    // Searched, not anchored, so noise before the timestamp (NULs, a half line) does not hide it;
    // the look-behind keeps a digit of that noise from being glued onto the timestamp.
    private static final Pattern PREFIX = Pattern.compile(
            "(?<![0-9])([0-9]{1,12}): (?:(WARNING|ERROR): )?([\\w./\\\\-]{1,200}\\.\\w{1,6}) ([0-9]{1,7}):");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogLine parse(String text) {
        Matcher m = LineText.findPrefix(PREFIX, text);
        if (m == null) {
            return null;
        }
        Severity severity = m.group(2) == null ? Severity.INFO : Severity.valueOf(m.group(2));
        String message = LineText.messageAfter(text, m.end());
        String context = LineText.contextOf(message);
        return new LogLine(NAME, LineText.longOrNull(m.group(1)), severity, LineText.basename(m.group(3)),
                LineText.intOrNull(m.group(4)), null, context, LineText.withoutContext(message, context));
    }
}
