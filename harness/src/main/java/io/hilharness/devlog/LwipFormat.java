package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lwIP's own console output: every {@code LWIP_DEBUGF} call goes through the board's
 * {@code LWIP_PLATFORM_DIAG}, which puts a time in front ({@code 1234 }, {@code 1234: },
 * {@code 1234 ms: }, {@code [1234] }, {@code [  12.345] }); the message is lwIP's own
 * ({@code TCP connection request 50000 -> 443.}, {@code http_accept 0x5581... / 0x0}) or, through
 * altcp_tls's debug callback, mbedTLS's {@code "%s:%04d: %s"} ({@code ../library/ssl_tls.c:6754:
 * => handshake}).
 *
 * <p>A line counts as lwIP's when it has the time prefix and the message is one the harness knows (a
 * line rule, an mbedTLS source prefix, or lwIP's vocabulary), or, without a time (lwIP's default
 * {@code LWIP_PLATFORM_DIAG} is a bare printf), when it starts with words only lwIP prints; after
 * that, known lines without a time are taken too. So auto-detection never takes another format's
 * line for it; any other line (an echoed console command, a blank line after an
 * mbedTLS message) is left to the raw classifier. Two threads printing at once merge lines; when the start of a line
 * means nothing, a later time prefix with a known message in it is taken instead.
 */
public final class LwipFormat implements LogFormat {

    public static final String NAME = "lwip";

    private static final Pattern TIME = Pattern.compile(
            "\\[ {0,12}([0-9]{1,12})(?:\\.([0-9]{1,6}))?\\] ?|([0-9]{1,12})(?:\\.([0-9]{1,6}))?(?: ?ms)?:? ");

    private static final Pattern MBEDTLS = Pattern.compile("([\\w./\\\\-]{1,200}\\.\\w{1,6}):([0-9]{1,7}): ");

    /** How lwIP's own messages start when no line rule knows them (lwIP function names, its TCP words). */
    private static final String[] VOCABULARY = {"tcp_", "TCP ", "http_", "httpd", "mem_", "memp_", "altcp",
        "pbuf_", "etharp_", "ip4_", "netif", "mbedtls_", "Closing connection", "End of file", "Opening ",
        "Trying to ", "Sent ", "Received ", "State: "};

    @Override
    public String name() {
        return NAME;
    }

    /** lwIP's own words, which no other format's line starts with: enough to tell a line without a time is lwIP's. */
    private static final String[] OWN_WORDS = {"tcp_", "TCP connection ", "http_", "httpd_init", "mem_malloc",
        "mem_calloc", "memp_", "altcp_", "Closing connection "};

    private final boolean chosen;
    /** An lwIP line was seen: lines without a time are then lwIP's too when the harness knows them. */
    private boolean ownLineSeen;

    /** The format a user named: every line shaped like lwIP's or mbedTLS's through altcp is taken. */
    public LwipFormat() {
        this(true);
    }

    private LwipFormat(boolean chosen) {
        this.chosen = chosen;
    }

    /** The candidate for auto-detection: an mbedTLS line without a time decides nothing. */
    static LwipFormat detecting() {
        return new LwipFormat(false);
    }

    @Override
    public LogLine parse(String text) {
        Matcher time = TIME.matcher(text);
        if (!time.lookingAt()) {
            return bare(text);
        }
        LogLine line = message(text, time.end(), deviceMs(time));
        if (line.file() != null || MessageClassifier.recognises(line.message())) {
            ownLineSeen = true;
            return line;
        }
        // Concurrent printing: a later "time message" inside this line may be the one that means something.
        LogLine later = merged(text, time);
        if (later == null && known(line)) {
            later = line;
        }
        ownLineSeen |= later != null;
        return later;
    }

    /** The first "time message" after the line's start that the harness recognises, or null. */
    private static LogLine merged(String text, Matcher time) {
        while (time.find(time.end())) {
            if (time.start() > 0 && LineText.isDigit(text.charAt(time.start() - 1))) {
                continue;
            }
            LogLine later = message(text, time.end(), deviceMs(time));
            if (later.file() != null || MessageClassifier.recognises(later.message())) {
                return later;
            }
            if (time.end() >= text.length()) {
                break;
            }
        }
        return null;
    }

    /** A line without a time: lwIP's default {@code LWIP_PLATFORM_DIAG} is a bare printf. */
    private LogLine bare(String text) {
        LogLine line = message(text, 0, null);
        if (ownLineSeen || chosen) {
            return known(line) ? line : null;
        }
        for (String word : OWN_WORDS) {
            if (text.startsWith(word)) {
                ownLineSeen = true;
                return line;
            }
        }
        // The board's banner, printed before lwIP logs anything, names the stack.
        if (text.startsWith("boot ") && text.contains("lwIP") && MessageClassifier.recognises(text)) {
            ownLineSeen = true;
            return line;
        }
        return null;
    }

    private static LogLine message(String text, int start, Long ms) {
        String message = text.substring(start);
        Matcher mbedtls = MBEDTLS.matcher(message);
        if (mbedtls.lookingAt()) {
            String inner = message.substring(mbedtls.end());
            String context = LineText.contextOf(inner);
            inner = LineText.withoutContext(inner, context);
            return new LogLine(NAME, ms, severity(inner), LineText.basename(mbedtls.group(1)),
                    LineText.intOrNull(mbedtls.group(2)), null, context, inner);
        }
        return new LogLine(NAME, ms, severity(message), null, null, null, null, message);
    }

    /** Whether the message is one lwIP or mbedTLS prints: what makes a line lwIP's. */
    private static boolean known(LogLine line) {
        if (line.file() != null) {
            return true;
        }
        String message = line.message();
        for (String word : VOCABULARY) {
            if (message.startsWith(word)) {
                return true;
            }
        }
        return MessageClassifier.recognises(message);
    }

    private static Long deviceMs(Matcher time) {
        boolean bracket = time.group(1) != null;
        Long whole = LineText.longOrNull(bracket ? time.group(1) : time.group(3));
        String fraction = bracket ? time.group(2) : time.group(4);
        if (whole == null || fraction == null) {
            return whole;
        }
        // "12.345" is seconds with a fraction: the kernel-log style.
        String millis = (fraction + "000").substring(0, 3);
        return whole * 1000 + Long.parseLong(millis);
    }

    private static Severity severity(String message) {
        if (message.contains("failed") || message.contains("could not allocate") || message.contains("out of memory")) {
            return Severity.ERROR;
        }
        return LineText.containsIgnoreCase(message, "alert") ? Severity.WARNING : Severity.INFO;
    }
}
