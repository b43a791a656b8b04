package io.hilharness.devlog;

import java.util.regex.Matcher;

/**
 * Mbed OS mbed-trace lines: {@code [DBG ][TLSW]: <message>} (levels {@code DBG }, {@code INFO},
 * {@code WARN}, {@code ERR }, {@code CMD }), usually wrapped in VT100 colour codes that the parser
 * strips first. Mbed OS's TLSSocketWrapper forwards mbedTLS debug output as
 * {@code "%s:%04d: |%d| %s"} inside the trace message; that inner prefix is split off too.
 */
public final class MbedTraceFormat implements LogFormat {

    public static final String NAME = "mbed-trace";

    static final PrefixPattern PREFIX = new PrefixPattern(
            "\\[(DBG |INFO|WARN|ERR |CMD )\\]\\[([^\\]\\[]{1,8})\\]: ?", "][", " ON", null);

    private final MbedtlsNativeFormat inner = new MbedtlsNativeFormat();

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
            case "ERR " -> Severity.ERROR;
            case "WARN" -> Severity.WARNING;
            default -> Severity.INFO;
        };
        String message = LineText.messageAfter(text, m.end());
        LogLine mbedtls = inner.parse(message);
        if (mbedtls != null && message.startsWith(mbedtlsFile(message))) {
            Severity s = severity == Severity.INFO ? mbedtls.severity() : severity;
            return new LogLine(NAME, null, s, mbedtls.file(), mbedtls.line(), mbedtls.debugLevel(),
                    mbedtls.context(), mbedtls.message());
        }
        String context = LineText.contextOf(message);
        return new LogLine(NAME, null, severity, null, null, null, context, LineText.withoutContext(message, context));
    }

    // The inner mbedTLS prefix must start the message; otherwise "file.c:12:" later in it is just text.
    private static String mbedtlsFile(String message) {
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : "\u0000";
    }
}
