package io.hilharness.devlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules in order, the first match winning, indexed by their anchors: a message is tried only
 * against the rules whose start anchor begins with its first character, and those anchored
 * anywhere. Most messages match no rule, and asking each rule costs a pass per rule.
 */
final class RuleSet {

    private final List<LineRule> rules;
    /** By first character (below 0x80): the rules a message starting with it may match, in order. */
    private final LineRule[][] byFirst = new LineRule[0x80][];
    /** The rules anchored anywhere: all a message may match whose first character starts no anchor. */
    private final LineRule[] anywhere;
    /** By first character: the start anchors beginning with it, as bytes. */
    private final byte[][][] startsByFirst = new byte[0x80][][];

    RuleSet(List<LineRule> rules) {
        this.rules = List.copyOf(rules);
        this.anywhere = this.rules.stream().filter(r -> r.anchors().stream().anyMatch(a -> !a.atStart()))
                .toArray(LineRule[]::new);
        for (int c = 0; c < byFirst.length; c++) {
            char first = (char) c;
            byFirst[c] = this.rules.stream().filter(r -> r.anchors().stream()
                            .anyMatch(a -> !a.atStart() || a.literal().charAt(0) == first))
                    .toArray(LineRule[]::new);
            startsByFirst[c] = this.rules.stream().flatMap(r -> r.anchors().stream())
                    .filter(a -> a.atStart() && a.literal().charAt(0) == first)
                    .map(a -> a.literal().getBytes(StandardCharsets.US_ASCII)).distinct().toArray(byte[][]::new);
        }
    }

    List<LineRule> rules() {
        return rules;
    }

    /** The anchors that may stand anywhere in a message. */
    List<String> anywhereAnchors() {
        List<String> literals = new ArrayList<>();
        for (LineRule rule : anywhere) {
            rule.anchors().stream().filter(a -> !a.atStart()).forEach(a -> literals.add(a.literal()));
        }
        return literals;
    }

    /** Applies the first rule {@code message} matches; false when none does. */
    boolean apply(String message, DeviceEvent.Builder b) {
        if (message.isEmpty()) {
            return false;
        }
        char first = message.charAt(0);
        for (LineRule rule : first < byFirst.length ? byFirst[first] : anywhere) {
            if (rule.apply(message, b)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b[from, to)} starts with a start anchor of some rule. */
    boolean startsWithAnchor(byte[] b, int from, int to) {
        if (from >= to || b[from] < 0) {
            return false;
        }
        for (byte[] literal : startsByFirst[b[from]]) {
            if (to - from >= literal.length && java.util.Arrays.equals(b, from, from + literal.length, literal, 0, literal.length)) {
                return true;
            }
        }
        return false;
    }
}
