package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A format's prefix regex with a literal that every match of it holds, and, where the regex fixes
 * them, the characters allowed just before and just after that literal. A line out of the format
 * nearly always lacks them, and one scan for the literal costs far less than the regex's search from
 * every position: a console at the wrong baud rate sends nothing else, and that search would be
 * most of the time spent on such a capture.
 */
final class PrefixPattern {

    static final String DIGITS = "0123456789";

    private final Pattern pattern;
    private final String literal;
    private final String before;
    private final String after;

    /**
     * @param before characters one of which must stand just before {@code literal}, inside the match; null: any
     * @param after characters one of which must stand just after it, inside the match; null: any
     */
    PrefixPattern(String regex, String literal, String before, String after) {
        this.pattern = Pattern.compile(regex);
        this.literal = literal;
        this.before = before;
        this.after = after;
    }

    /** The prefix found within the first {@link LineText#PREFIX_WINDOW} chars, as {@link LineText#findPrefix}; null when absent. */
    Matcher find(String text) {
        return mayMatch(text) ? LineText.findPrefix(pattern, text) : null;
    }

    Pattern pattern() {
        return pattern;
    }

    /** False only where the regex cannot match within the window. */
    boolean mayMatch(String text) {
        int end = Math.min(text.length(), LineText.PREFIX_WINDOW);
        int last = end - literal.length() - (after == null ? 0 : 1);
        char first = literal.charAt(0);
        for (int i = before == null ? 0 : 1; i <= last; i++) {
            if (text.charAt(i) == first && text.startsWith(literal, i)
                    && (before == null || before.indexOf(text.charAt(i - 1)) >= 0)
                    && (after == null || after.indexOf(text.charAt(i + literal.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
