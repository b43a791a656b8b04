package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message without a regex, for the regex forms the most frequent rules have: the groups of
 * a match, or null to let the regex decide. Derived from the rule's regex, never written per rule, so
 * a rule is still one declaration. A console line classified by the String way (every line of a live
 * console) then costs no Matcher for a handshake state.
 */
@FunctionalInterface
interface QuickReader {

    /** {@code (literal)([0-9]{1,n})$} split into its literal and n. */
    Pattern LITERAL_THEN_DIGITS = Pattern.compile("\\(\\[0-9]\\{1,([1-9])}\\)\\$");

    LineRule.Groups read(String message);

    /**
     * The reader for {@code regex}, or null when it is none of: {@code literal} (the message starts
     * with it), {@code literal$} (the message is it), {@code literal([0-9]{1,n})$} (it, then only digits).
     */
    static QuickReader of(String regex) {
        String literal = LineRule.literalPrefix(regex);
        String rest = regex.substring(literal.length());
        if (literal.isEmpty()) {
            return null;
        }
        if (rest.isEmpty()) {
            return message -> message.startsWith(literal) ? i -> i == 0 ? literal : null : null;
        }
        if (rest.equals("$")) {
            return message -> message.equals(literal) ? i -> i == 0 ? message : null : null;
        }
        Matcher digits = LITERAL_THEN_DIGITS.matcher(rest);
        if (digits.matches()) {
            int max = Integer.parseInt(digits.group(1));
            return message -> {
                if (!message.startsWith(literal) || LineText.digitsEnd(message, literal.length(), max) != message.length()) {
                    return null;
                }
                String number = message.substring(literal.length());
                return i -> i == 0 ? message : i == 1 ? number : null;
            };
        }
        return null;
    }
}
