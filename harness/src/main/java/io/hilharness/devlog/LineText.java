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

    /** Context pointer at the start of a message, or null. */
    static String contextOf(String message) {
        Matcher m = CONTEXT.matcher(message);
        return m.lookingAt() ? m.group(1) : null;
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
