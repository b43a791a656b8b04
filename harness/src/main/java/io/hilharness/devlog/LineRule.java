package io.hilharness.devlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of device message, declared once in {@link LineRules}: the event type it gives, the
 * literals every matching message holds (its anchors), the regex that reads its fields, and how the
 * fields go into the event. Everything faster than the regex is derived from these: the
 * {@link RuleSet}'s index by anchor, the byte-level check of the {@code hil analyze} fast path, and
 * a regex-free reader for the simplest regexes.
 *
 * @param type    the event type of a matching message
 * @param anchors literals one of which every matching message holds; a message with none is skipped
 *                without running the regex
 * @param pattern matched at the message's start ({@link Matcher#lookingAt()})
 * @param fields  reads the groups into the event (the type is already set)
 * @param quick   reads the groups of the regex's simplest forms without it, or null
 */
record LineRule(EventType type, List<Anchor> anchors, Pattern pattern,
                BiConsumer<Groups, DeviceEvent.Builder> fields, QuickReader quick) {

    LineRule {
        anchors = List.copyOf(anchors);
        if (anchors.isEmpty()) {
            // Such a rule would run its regex on every line, and the fast path could skip no line.
            throw new IllegalArgumentException("rule without an anchor: " + pattern);
        }
        for (Anchor anchor : anchors) {
            if (anchor.literal().length() < 2 || !printableAscii(anchor.literal())) {
                throw new IllegalArgumentException("anchor must be 2 or more printable ASCII characters: " + anchor);
            }
        }
    }

    /** Capturing groups of a match, by number: a Matcher's, or read without a regex by a {@link QuickReader}. */
    @FunctionalInterface
    interface Groups {
        String group(int i);
    }

    /**
     * A literal a matching message holds.
     *
     * @param atStart the message starts with it (else it is anywhere)
     */
    record Anchor(String literal, boolean atStart) {
    }

    /** A rule anchored on the literal its regex starts with. */
    static LineRule of(EventType type, String regex, BiConsumer<Groups, DeviceEvent.Builder> fields) {
        String literal = literalPrefix(regex);
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("regex without a literal prefix needs explicit anchors: " + regex);
        }
        return new LineRule(type, List.of(new Anchor(literal, true)), Pattern.compile(regex), fields,
                QuickReader.of(regex));
    }

    /** A rule whose regex fills no field. */
    static LineRule of(EventType type, String regex) {
        return of(type, regex, (m, b) -> { });
    }

    /** A rule with explicit anchors (its regex starts with a group or an alternation). */
    static LineRule of(EventType type, String regex, List<Anchor> anchors, BiConsumer<Groups, DeviceEvent.Builder> fields) {
        return new LineRule(type, anchors, Pattern.compile(regex), fields, QuickReader.of(regex));
    }

    /** Anchors: the message starts with one of {@code literals}. */
    static List<Anchor> startsWith(String... literals) {
        List<Anchor> anchors = new ArrayList<>();
        for (String literal : literals) {
            anchors.add(new Anchor(literal, true));
        }
        return anchors;
    }

    /** Anchor: the message holds {@code literal} somewhere. */
    static List<Anchor> contains(String literal) {
        return List.of(new Anchor(literal, false));
    }

    /** Whether one of the anchors is in {@code message}: a necessary condition of a match. */
    boolean mayMatch(String message) {
        for (Anchor anchor : anchors) {
            if (anchor.atStart() ? message.startsWith(anchor.literal()) : message.contains(anchor.literal())) {
                return true;
            }
        }
        return false;
    }

    /** Sets the type and fields when {@code message} matches; false (the builder untouched) otherwise. */
    boolean apply(String message, DeviceEvent.Builder b) {
        if (!mayMatch(message)) {
            return false;
        }
        Groups groups = quick == null ? null : quick.read(message);
        if (groups == null) {
            Matcher m = pattern.matcher(message);
            if (!m.lookingAt()) {
                return false;
            }
            groups = m::group;
        }
        b.type(type);
        fields.accept(groups, b);
        return true;
    }

    static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The leading characters of {@code regex} that can only match themselves. */
    static String literalPrefix(String regex) {
        int i = 0;
        while (i < regex.length() && "\\^$.|?*+()[]{}".indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        // A quantifier after the literal applies to its last character, which is then not fixed.
        if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0 && i > 0) {
            i--;
        }
        return regex.substring(0, i);
    }
}
