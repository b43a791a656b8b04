package io.hilharness.devlog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mbedTLS debug output as the sample programs print it: {@code <file>:<line>: |<level>| <message>}
 * ({@code "%s:%04d: |%d| %s"}); the level is optional because lwIP's altcp_tls_mbedtls prints
 * {@code "%s:%04d: %s"}. {@code file} may be a compile-time path; only its basename is kept.
 */
public final class MbedtlsNativeFormat implements LogFormat {

    public static final String NAME = "mbedtls";

    private static final Pattern PREFIX = Pattern.compile(
            "([\\w./\\\\-]{1,200}\\.\\w{1,6}):([0-9]{1,7}):(?: \\|([0-9])\\|)?");

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
        Integer level = LineText.intOrNull(m.group(3));
        String message = LineText.messageAfter(text, m.end());
        String context = LineText.contextOf(message);
        message = LineText.withoutContext(message, context);
        return new LogLine(NAME, null, severity(level, message), LineText.basename(m.group(1)),
                LineText.intOrNull(m.group(2)), level, context, message);
    }

    // Level 1 is mbedTLS's error level; alerts are worth a warning whatever level printed them.
    private static Severity severity(Integer level, String message) {
        if (level != null && level == 1) {
            return Severity.ERROR;
        }
        return message.toLowerCase(Locale.ROOT).contains("alert") ? Severity.WARNING : Severity.INFO;
    }
}
