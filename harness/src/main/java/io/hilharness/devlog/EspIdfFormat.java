package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ESP-IDF log lines: {@code <L> (<ms>) <tag>: <message>} with L one of E, W, I, D, V and the
 * timestamp in ms since boot (or wall time {@code hh:mm:ss.mmm} when so configured). ESP-IDF's
 * mbedTLS port logs under the tag {@code mbedtls} as {@code <file>:<line> <message>}; that prefix
 * is split off too.
 */
public final class EspIdfFormat implements LogFormat {

    public static final String NAME = "esp-idf";

    static final PrefixPattern PREFIX = new PrefixPattern(
            "(?<![A-Za-z])([EWIDV]) \\(([0-9]{1,12}|[0-9:.]{5,20})\\) ([^:\\s]{1,32}): ?", " (", "EWIDV", null);
    private static final Pattern MBEDTLS_SOURCE = Pattern.compile("([\\w./\\\\-]{1,200}\\.\\w{1,6}):([0-9]{1,7}) ");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogLine parse(String text) {
        Matcher m = PREFIX.find(text);
        if (m == null) {
            return null;
        }
        Severity severity = switch (m.group(1)) {
            case "E" -> Severity.ERROR;
            case "W" -> Severity.WARNING;
            default -> Severity.INFO;
        };
        Long deviceMs = LineText.longOrNull(m.group(2).indexOf(':') < 0 ? m.group(2) : null);
        String message = LineText.messageAfter(text, m.end());
        String file = null;
        Integer line = null;
        Matcher src = MBEDTLS_SOURCE.matcher(message);
        if (src.lookingAt()) {
            file = LineText.basename(src.group(1));
            line = LineText.intOrNull(src.group(2));
            message = message.substring(src.end());
        }
        String context = LineText.contextOf(message);
        return new LogLine(NAME, deviceMs, severity, file, line, null, context,
                LineText.withoutContext(message, context));
    }
}
