package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the formats: bounded prefix search, basenames, context pointers. */
final class LineText {

    /**
     * How far into a line a format looks for its prefix. Leading noise is usually a few bytes; the
     * bound keeps a 1 MB line from costing a quadratic regex search.
     */
    static final int PREFIX_WINDOW = 1024;

    // MBEDTLS_THREADING_C builds print the ssl context as "%p: " before the message.
    private static final Pattern CONTEXT = Pattern.compile("(0[xX][0-9a-fA-F]{1,16}|\\(nil\\)): ");

    // VT100/ANSI: CSI sequences (colours, "\x1b[2K" erase line), OSC titles, two-byte escapes.
    private static final Pattern TERMINAL_CODES = Pattern.compile(
            "\u001B(?:\\[[0-?]{0,32}[ -/]{0,8}[@-~]|\\][^\u0007\u001B]{0,256}(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])?|\r");

    private LineText() {
    }

    /** The text a terminal would show: escape sequences and carriage returns removed. */
    static String visible(String text) {
        if (text.indexOf('\u001B') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return TERMINAL_CODES.matcher(text).replaceAll("");
    }

    /** Finds {@code prefix} within the first {@link #PREFIX_WINDOW} chars; null when absent. */
    static Matcher findPrefix(Pattern prefix, String text) {
        Matcher m = prefix.matcher(text);
        m.region(0, Math.min(text.length(), PREFIX_WINDOW));
        m.useTransparentBounds(true);
        return m.find() ? m : null;
    }

    /** Message text after a prefix ending at {@code end}: one separating space dropped, tail trimmed. */
    static String messageAfter(String text, int end) {
        int start = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        int stop = text.length();
        // Trailing CR/LF/NUL and blanks are framing, not message.
        while (stop > start && text.charAt(stop - 1) <= ' ') {
            stop--;
        }
        return text.substring(start, stop);
    }

    /** Last path element of {@code ./library/ssl_msg.c} or {@code C:\src\main.c}. */
    static String basename(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return cut >= 0 ? path.substring(cut + 1) : path;
    }

    /** Context pointer at the start of a message, or null. Same answer as {@link #CONTEXT}, without a Matcher. */
    static String contextOf(String message) {
        if (message.startsWith("(nil): ")) {
            return "(nil)";
        }
        if (message.length() < 5 || message.charAt(0) != '0' || (message.charAt(1) | 0x20) != 'x') {
            return null;
        }
        int end = 2;
        while (end < message.length() && isHexDigit(message.charAt(end))) {
            end++;
        }
        int digits = end - 2;
        boolean separated = end + 1 < message.length() && message.charAt(end) == ':' && message.charAt(end + 1) == ' ';
        return digits >= 1 && digits <= 16 && separated ? message.substring(0, end) : null;
    }

    /** The reference regex for {@link #contextOf}, kept for tests that check the two agree. */
    static String contextOfByRegex(String message) {
        Matcher m = CONTEXT.matcher(message);
        return m.lookingAt() ? m.group(1) : null;
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Regex {@code \w} (without UNICODE_CHARACTER_CLASS): ASCII letters, digits, underscore. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The file-name characters of the formats' prefixes: {@code [\w./\\-]}. */
    static boolean isPathChar(char c) {
        return isWordChar(c) || c == '.' || c == '/' || c == '\\' || c == '-';
    }

    /**
     * End of a source-file token {@code [\w./\\-]{1,200}\.\w{1,6}} starting at {@code from} and
     * followed by {@code next}, or -1. The token can only end where the run of path characters ends
     * (the following character is never one of them), so no backtracking is needed.
     */
    static int sourceFileEnd(String text, int from, char next) {
        int end = from;
        int limit = Math.min(text.length(), from + 208);
        while (end < limit && isPathChar(text.charAt(end))) {
            end++;
        }
        if (end >= text.length() || text.charAt(end) != next) {
            return -1;
        }
        int dot = text.lastIndexOf('.', end - 1);
        int extension = end - dot - 1;
        if (dot <= from || extension < 1 || extension > 6 || dot - from > 200) {
            return -1;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!isWordChar(text.charAt(i))) {
                return -1;
            }
        }
        return end;
    }

    /** End of 1 to {@code max} ASCII digits at {@code from}, or -1 (also when more digits follow). */
    static int digitsEnd(String text, int from, int max) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end > from && end - from <= max ? end : -1;
    }

    /**
     * Whether {@code text} contains {@code lowerWord} (lower-case ASCII) in any ASCII case: what
     * {@link java.util.regex.Pattern#CASE_INSENSITIVE} without {@code UNICODE_CASE} finds, so it can
     * stand before such a regex. No character outside ASCII is part of a match, and none makes a
     * lower-cased copy: a console at the wrong baud rate prints little else, and a copy per word and
     * line would cost more than the search.
     */
    static boolean containsIgnoreCase(String text, String lowerWord) {
        char first = lowerWord.charAt(0);
        int last = text.length() - lowerWord.length();
        for (int i = 0; i <= last; i++) {
            if (lower(text.charAt(i)) == first && asciiRegionMatches(text, i, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code lowerWord} (lower-case ASCII) stands at {@code at} in any ASCII case. Not
     * String.regionMatches(ignoreCase): that also matches letters outside ASCII, the Kelvin sign U+212A
     * to 'k' for one, which an ASCII case-insensitive regex does not.
     */
    static boolean asciiRegionMatches(String text, int at, String lowerWord) {
        if (text.length() - at < lowerWord.length()) {
            return false;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            char c = text.charAt(at + k);
            if (c >= 0x80 || lower(c) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** The message without its context pointer. */
    static String withoutContext(String message, String context) {
        return context == null ? message : message.substring(context.length() + 2);
    }

    /** Parses a bounded run of digits (guaranteed by the caller's regex); null if out of range. */
    static Integer intOrNull(String digits) {
        if (digits == null) {
            return null;
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long longOrNull(String digits) {
        if (digits == null) {
            return null;
        }
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
