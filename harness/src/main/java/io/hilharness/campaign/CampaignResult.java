package io.hilharness.campaign;

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

    /** 0 when every round passed, 1 when some failed (harness and config errors exit 2 elsewhere). */
    public int exitCode() {
        return allPassed() ? 0 : 1;
    }
}
