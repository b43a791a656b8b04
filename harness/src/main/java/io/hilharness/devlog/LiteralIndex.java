package io.hilharness.devlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The literals worth looking for anywhere in a message, found in one pass: the death words (in any
 * ASCII case, as {@link LineRules#DEATH} matches them) and the rules' anchors that may stand anywhere
 * (as they are). Indexed by their first two characters, ASCII lower-cased: a hex dump row is full
 * of letters, and one lookup per character costs far less than asking every literal.
 *
 * <p>ASCII case only, as a {@link java.util.regex.Pattern#CASE_INSENSITIVE} regex without
 * {@code UNICODE_CASE}: no character outside ASCII is part of a match.
 */
final class LiteralIndex {

    private record Literal(byte[] bytes, boolean death) {
    }

    private static final Literal[] NONE = {};
    /** ASCII lower case, by character below 0x80. */
    private static final byte[] LOWER = new byte[0x80];

    static {
        for (int c = 0; c < LOWER.length; c++) {
            LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }

    /** By {@code first << 7 | second}, both lower-cased. */
    private final Literal[][] byPair = new Literal[1 << 14][];
    /** By lower-cased first character: whether any literal starts with it. Most characters stop here. */
    private final boolean[] mayStart = new boolean[128];

    /**
     * @param deathWords lower-case ASCII words, found in any case
     * @param anchors    printable ASCII literals, found as they are
     */
    LiteralIndex(List<String> deathWords, List<String> anchors) {
        List<Literal> all = new ArrayList<>();
        for (String word : deathWords) {
            all.add(literal(word, true));
        }
        for (String anchor : anchors) {
            all.add(literal(anchor, false));
        }
        for (Literal literal : all) {
            int first = lower(literal.bytes[0]);
            mayStart[first] = true;
            int pair = first << 7 | lower(literal.bytes[1]);
            Literal[] same = byPair[pair] == null ? NONE : byPair[pair];
            Literal[] more = Arrays.copyOf(same, same.length + 1);
            more[same.length] = literal;
            byPair[pair] = more;
        }
    }

    private static Literal literal(String text, boolean death) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        boolean valid = bytes.length >= 2 && LineRule.printableAscii(text) && (!death || text.equals(lowerCase(text)));
        if (!valid) {
            throw new IllegalArgumentException("not a literal for the index: " + text);
        }
        return new Literal(bytes, death);
    }

    /** Whether {@code b[from, to)} holds a death word in any ASCII case or an anchor as it is. */
    boolean anyIn(byte[] b, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80 || !mayStart[lower(c)]) {
                continue;
            }
            int next = b[i + 1] & 0xFF;
            Literal[] literals = next < 0x80 ? byPair[lower(c) << 7 | lower(next)] : null;
            if (literals != null) {
                for (Literal literal : literals) {
                    if (at(b, i, to, literal)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code text} holds a death word in any ASCII case. */
    boolean hasDeathWord(String text) {
        int last = text.length() - 1;
        for (int i = 0; i < last; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || !mayStart[lower(c)]) {
                continue;
            }
            char next = text.charAt(i + 1);
            Literal[] literals = next < 0x80 ? byPair[lower(c) << 7 | lower(next)] : null;
            if (literals != null) {
                for (Literal literal : literals) {
                    if (literal.death && deathWordAt(text, i, literal.bytes)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean at(byte[] b, int from, int to, Literal literal) {
        byte[] word = literal.bytes;
        if (to - from < word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            int c = b[from + k] & 0xFF;
            if (c >= 0x80 || (literal.death ? lower(c) : c) != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean deathWordAt(String text, int from, byte[] word) {
        if (text.length() - from < word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            char c = text.charAt(from + k);
            if (c >= 0x80 || lower(c) != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static String lowerCase(String ascii) {
        return ascii.toLowerCase(java.util.Locale.ROOT);
    }

    /** ASCII lower case of {@code c}, which is below 0x80. */
    private static int lower(int c) {
        return LOWER[c];
    }
}
