package io.hilharness.run;

import io.hilharness.board.ResetKind;
import java.nio.file.Path;
import java.util.List;

/** Everything a campaign observed; the same data the journal holds, in memory. */
public record CampaignResult(String image, String board, Path runDir, CampaignSpec spec,
                             List<BootRecord> boots, List<RoundRecord> rounds) {
    public CampaignResult {
        boots = List.copyOf(boots);
        rounds = List.copyOf(rounds);
    }

    public boolean allPassed() {
        return boots.stream().allMatch(BootRecord::ready)
                && rounds.size() == spec.boots() * spec.rounds()
                && rounds.stream().allMatch(RoundRecord::ok);
    }

    /**
     * The resets between boots as they were done: the spec's kind in lower case, or {@code mixed} when
     * both kinds were done (soft and hard in turn in {@code hil soak}; a watchdog's power cycle in a soft
     * run). Boot 1 follows the power-on, not a reset of the run's choosing, so it does not count.
     */
    public String resets() {
        return resetsDone(ResetKind.SOFT) > 0 && resetsDone(ResetKind.HARD) > 0 ? "mixed"
                : spec.reset().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Boots after the first that began with a reset of this kind. */
    public long resetsDone(ResetKind kind) {
        return boots.stream().skip(1).filter(b -> b.reset() == kind).count();
    }

    /** 0 when every round passed, 1 when some failed (harness and config errors exit 2 elsewhere). */
    public int exitCode() {
        return allPassed() ? 0 : 1;
    }
}
