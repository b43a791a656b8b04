package io.hilharness.devlog;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * mbedTLS debug output as the sample programs print it: {@code <file>:<line>: |<level>| <message>}
 * ({@code "%s:%04d: |%d| %s"}); the level is optional because lwIP's altcp_tls_mbedtls prints
 * {@code "%s:%04d: %s"}. {@code file} may be a compile-time path; only its basename is kept.
 */
public final class MbedtlsNativeFormat implements LogFormat {

    public static final String NAME = "mbedtls";

    static final PrefixPattern PREFIX = new PrefixPattern(
            "([\\w./\\\\-]{1,200}\\.\\w{1,6}):([0-9]{1,7}):(?: \\|([0-9])\\|)?", ":", null, PrefixPattern.DIGITS);

    @Override
    public String name() {
        return NAME;
    }

    /** The prefix's parts: source file, line number, optional debug level, and where the message starts. */
    private record Prefix(String file, String line, String level, int end) {
    }

    @Override
    public LogLine parse(String text) {
        Prefix p = prefixAtStart(text);
        if (p == null) {
            p = prefixByRegex(text);
        }
        if (p == null) {
            return null;
        }
        Integer level = LineText.intOrNull(p.level());
        String message = LineText.messageAfter(text, p.end());
        String context = LineText.contextOf(message);
        message = LineText.withoutContext(message, context);
        return new LogLine(NAME, null, severity(level, message), LineText.basename(p.file()),
                LineText.intOrNull(p.line()), level, context, message);
    }

    /**
     * The prefix when it starts the line, as it does on nearly every line, read without a regex: the
     * same match {@link #PREFIX} finds there. Null when it is not at the start (noise before it) or
     * the line needs the regex's judgement; the regex then decides.
     */
    private static Prefix prefixAtStart(String text) {
        int fileEnd = LineText.sourceFileEnd(text, 0, ':');
        if (fileEnd < 0) {
            return null;
        }
        int lineEnd = LineText.digitsEnd(text, fileEnd + 1, 7);
        if (lineEnd < 0 || lineEnd >= text.length() || text.charAt(lineEnd) != ':') {
            return null;
        }
        int end = lineEnd + 1;
        String level = null;
        if (end + 3 < text.length() && text.charAt(end) == ' ' && text.charAt(end + 1) == '|'
                && LineText.isDigit(text.charAt(end + 2)) && text.charAt(end + 3) == '|') {
            level = text.substring(end + 2, end + 3);
            end += 4;
        }
        return new Prefix(text.substring(0, fileEnd), text.substring(fileEnd + 1, lineEnd), level, end);
    }

    private static Prefix prefixByRegex(String text) {
        Matcher m = PREFIX.find(text);
        return m == null ? null : new Prefix(m.group(1), m.group(2), m.group(3), m.end());
    }

    /** The regex-only parse, kept for tests that check the fast path agrees with it. */
    LogLine parseByRegex(String text) {
        Prefix p = prefixByRegex(text);
        if (p == null) {
            return null;
        }
        Integer level = LineText.intOrNull(p.level());
        String message = LineText.messageAfter(text, p.end());
        String context = LineText.contextOfByRegex(message);
        message = LineText.withoutContext(message, context);
        return new LogLine(NAME, null, severityByLowerCase(level, message), LineText.basename(p.file()),
                LineText.intOrNull(p.line()), level, context, message);
    }

    // Level 1 is mbedTLS's error level; alerts are worth a warning whatever level printed them.
    private static Severity severity(Integer level, String message) {
        if (level != null && level == 1) {
            return Severity.ERROR;
        }
        return LineText.containsIgnoreCase(message, "alert") ? Severity.WARNING : Severity.INFO;
    }

    private static Severity severityByLowerCase(Integer level, String message) {
        if (level != null && level == 1) {
            return Severity.ERROR;
        }
        return message.toLowerCase(Locale.ROOT).contains("alert") ? Severity.WARNING : Severity.INFO;
    }
}
