package io.hilharness.devlog;

import java.util.regex.Matcher;

/**
 * The reference board's console format: {@code <ms since boot>: [WARNING: |ERROR: ]<file> <line>: <message>},
 * e.g. {@code 682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]}.
 */
public final class BoardLogFormat implements LogFormat {

    public static final String NAME = "board";

    // Searched, not anchored, so noise before the timestamp (NULs, a half line) does not hide it;
    // the look-behind keeps a digit of that noise from being glued onto the timestamp.
    static final PrefixPattern PREFIX = new PrefixPattern(
            "(?<![0-9])([0-9]{1,12}): (?:(WARNING|ERROR): )?([\\w./\\\\-]{1,200}\\.\\w{1,6}) ([0-9]{1,7}):",
            ": ", PrefixPattern.DIGITS, null);

    @Override
    public String name() {
        return NAME;
    }

    /** The prefix's parts and where the message starts. */
    private record Prefix(String ms, String severity, String file, String line, int end) {
    }

    @Override
    public LogLine parse(String text) {
        Prefix p = prefixAtStart(text);
        if (p == null) {
            p = prefixByRegex(text);
        }
        return p == null ? null : line(text, p, LineText.contextOf(LineText.messageAfter(text, p.end())));
    }

    /** The regex-only parse, kept for tests that check the fast path agrees with it. */
    LogLine parseByRegex(String text) {
        Prefix p = prefixByRegex(text);
        return p == null ? null : line(text, p, LineText.contextOfByRegex(LineText.messageAfter(text, p.end())));
    }

    private static LogLine line(String text, Prefix p, String context) {
        Severity severity = p.severity() == null ? Severity.INFO : Severity.valueOf(p.severity());
        String message = LineText.messageAfter(text, p.end());
        return new LogLine(NAME, LineText.longOrNull(p.ms()), severity, LineText.basename(p.file()),
                LineText.intOrNull(p.line()), null, context, LineText.withoutContext(message, context));
    }

    /**
     * The prefix when it starts the line (nearly always), read without a regex: the same match
     * {@link #PREFIX} finds there. Null otherwise; the regex then decides.
     */
    private static Prefix prefixAtStart(String text) {
        int msEnd = LineText.digitsEnd(text, 0, 12);
        if (msEnd < 0 || !text.startsWith(": ", msEnd)) {
            return null;
        }
        int at = msEnd + 2;
        String severity = null;
        if (text.startsWith("WARNING: ", at)) {
            severity = "WARNING";
        } else if (text.startsWith("ERROR: ", at)) {
            severity = "ERROR";
        }
        int fileStart = severity == null ? at : at + severity.length() + 2;
        int fileEnd = LineText.sourceFileEnd(text, fileStart, ' ');
        if (fileEnd < 0) {
            return null;
        }
        int lineEnd = LineText.digitsEnd(text, fileEnd + 1, 7);
        if (lineEnd < 0 || lineEnd >= text.length() || text.charAt(lineEnd) != ':') {
            return null;
        }
        return new Prefix(text.substring(0, msEnd), severity, text.substring(fileStart, fileEnd),
                text.substring(fileEnd + 1, lineEnd), lineEnd + 1);
    }

    private static Prefix prefixByRegex(String text) {
        Matcher m = PREFIX.find(text);
        return m == null ? null : new Prefix(m.group(1), m.group(2), m.group(3), m.group(4), m.end());
    }
}
