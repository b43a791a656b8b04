package io.hilharness.diagnose.rules;

import io.hilharness.diagnose.ConnectionFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Picks a few example connections, spread over boots, so a finding stays readable. */
final class Examples {
    static final int MAX = io.hilharness.diagnose.Finding.MAX_EXAMPLES;

    private Examples() {
    }

    static List<ConnectionFacts> spread(List<ConnectionFacts> candidates) {
        return spread(candidates, MAX);
    }

    static List<ConnectionFacts> spread(List<ConnectionFacts> candidates, int max) {
        List<ConnectionFacts> picked = new ArrayList<>();
        Set<Integer> boots = new LinkedHashSet<>();
        for (ConnectionFacts c : candidates) {
            if (picked.size() < max && boots.add(c.boot())) {
                picked.add(c);
            }
        }
        for (ConnectionFacts c : candidates) {
            if (picked.size() < max && !picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked;
    }

    static String ratio(long part, long whole) {
        return part + " of " + whole;
    }
}
