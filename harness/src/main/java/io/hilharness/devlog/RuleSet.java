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

    /** By first character (below 0x80): the rules a message starting with it may match, in order. */
    private final LineRule[][] byFirst = new LineRule[0x80][];
    /** The rules anchored anywhere: all a message may match whose first character starts no anchor. */
    private final LineRule[] anywhere;
    private final List<String> anywhereAnchors;
    /** By first character: the start anchors beginning with it, as bytes. */
    private final byte[][][] startsByFirst = new byte[0x80][][];

    RuleSet(List<LineRule> rules) {
        List<LineRule> anywhereRules = new ArrayList<>();
        List<String> anywhereLiterals = new ArrayList<>();
        for (LineRule rule : rules) {
            boolean anywhereRule = false;
            for (LineRule.Anchor anchor : rule.anchors()) {
                if (!anchor.atStart()) {
                    anywhereLiterals.add(anchor.literal());
                    anywhereRule = true;
                }
            }
            if (anywhereRule) {
                anywhereRules.add(rule);
            }
        }
        this.anywhere = anywhereRules.toArray(new LineRule[0]);
        this.anywhereAnchors = List.copyOf(anywhereLiterals);
        for (int c = 0; c < byFirst.length; c++) {
            List<LineRule> candidates = new ArrayList<>();
            List<byte[]> starts = new ArrayList<>();
            for (LineRule rule : rules) {
                boolean candidate = false;
                for (LineRule.Anchor anchor : rule.anchors()) {
                    boolean startsHere = anchor.atStart() && anchor.literal().charAt(0) == c;
                    candidate |= startsHere || !anchor.atStart();
                    if (startsHere) {
                        starts.add(anchor.literal().getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (candidate) {
                    candidates.add(rule);
                }
            }
            byFirst[c] = candidates.toArray(new LineRule[0]);
            startsByFirst[c] = starts.toArray(new byte[0][]);
        }
    }

    /** The anchors that may stand anywhere in a message. */
    List<String> anywhereAnchors() {
        return anywhereAnchors;
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
