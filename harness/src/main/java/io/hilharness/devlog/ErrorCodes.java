package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads mbedTLS error codes as firmware prints them: {@code -0x7780}, {@code -0X7780}, {@code -30592}. */
final class ErrorCodes {

    /** A code token for use inside larger patterns (one capturing group). */
    static final String TOKEN = "(-?0[xX][0-9a-fA-F]{1,8}|-?[0-9]{1,10})";

    private static final Pattern HEX_ANYWHERE = Pattern.compile("(?<![0-9A-Za-z])-0[xX][0-9a-fA-F]{1,8}(?![0-9A-Za-z])");

    private ErrorCodes() {
    }

    /** The value of a code token, or null when it is malformed or does not fit an int. */
    static Integer parse(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        boolean negative = token.startsWith("-");
        String body = negative ? token.substring(1) : token;
        try {
            long value = body.startsWith("0x") || body.startsWith("0X")
                    ? Long.parseLong(body.substring(2), 16)
                    : Long.parseLong(body);
            value = negative ? -value : value;
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first {@code -0x...} code anywhere in free text (error lines of unknown shape), or null. */
    static Integer findHex(String text) {
        Matcher m = HEX_ANYWHERE.matcher(text);
        return m.find() ? parse(m.group()) : null;
    }
}
