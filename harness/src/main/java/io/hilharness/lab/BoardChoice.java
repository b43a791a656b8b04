package io.hilharness.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The boards a selector picks, health considered: a tag (or {@code all}) passes over boards in
 * maintenance; a board named on its own is used all the same, with a warning, since whoever names it
 * may be the one repairing it.
 *
 * @param warnings one line each: a board skipped or used in spite of its maintenance
 */
public record BoardChoice(List<LabBoard> boards, List<String> warnings) {

    public static BoardChoice of(LabConfig lab, String selector, HealthStore health) throws IOException {
        List<LabBoard> matched = lab.select(selector);
        boolean named = !selector.equals("all") && !selector.startsWith("tag:");
        List<LabBoard> chosen = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (LabBoard board : matched) {
            BoardHealth state = health.read(board.name());
            if (!state.inMaintenance()) {
                chosen.add(board);
            } else if (named) {
                chosen.add(board);
                warnings.add("warning: board " + board.name() + " is " + state.maintenance().describe()
                        + "; using it because it was named (hil boards check " + board.name() + " returns it to service)");
            } else {
                warnings.add("skipping board " + board.name() + ": " + state.maintenance().describe());
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("every board of '" + selector + "' is in maintenance "
                    + matched.stream().map(LabBoard::name).toList() + ": hil boards shows why, hil boards check "
                    + selector + " brings them back");
        }
        return new BoardChoice(chosen, warnings);
    }
}
