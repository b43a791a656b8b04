package io.hilharness.runner;

import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.util.List;

/** One line per board of a multi-board run: boots ready, rounds passed, verdict and run folder. */
public final class CombinedSummary {
    private CombinedSummary() {
    }

    public static String render(List<BoardOutcome> outcomes) {
        int width = Math.max(5, outcomes.stream().mapToInt(o -> o.board().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + width + "s  %-6s  %-11s  %-9s  %s%n", "board", "result", "boots ready", "rounds ok",
                "run folder / error"));
        for (BoardOutcome o : outcomes) {
            if (o.result().isPresent()) {
                CampaignResult r = o.result().get();
                long ready = r.boots().stream().filter(BootRecord::ready).count();
                long ok = r.rounds().stream().filter(RoundRecord::ok).count();
                sb.append(String.format("%-" + width + "s  %-6s  %-11s  %-9s  %s%n", o.board(), r.allPassed() ? "PASS" : "FAIL",
                        ready + "/" + r.spec().boots(), ok + "/" + r.spec().boots() * r.spec().rounds(), r.runDir()));
            } else {
                sb.append(String.format("%-" + width + "s  %-6s  %-11s  %-9s  %s%n", o.board(), "ERROR", "-", "-",
                        o.error().orElse("")));
            }
        }
        return sb.toString();
    }

    /** The worst board decides: 2 if any could not run, else 1 if any failed, else 0. */
    public static int exitCode(List<BoardOutcome> outcomes) {
        return outcomes.stream().mapToInt(BoardOutcome::exitCode).max().orElse(2);
    }
}
