package io.hilharness.runner;

import io.hilharness.run.CampaignResult;
import java.util.Optional;

/** One board's part of a multi-board run: its campaign result, or why it could not run (busy, flash failed...). */
public record BoardOutcome(String board, Optional<CampaignResult> result, Optional<String> error) {

    public static BoardOutcome of(String board, CampaignResult result) {
        return new BoardOutcome(board, Optional.of(result), Optional.empty());
    }

    public static BoardOutcome failed(String board, String error) {
        return new BoardOutcome(board, Optional.empty(), Optional.of(error));
    }

    /** 0 passed, 1 rounds failed, 2 the campaign could not run. */
    public int exitCode() {
        return result.map(CampaignResult::exitCode).orElse(2);
    }
}
