package io.hilharness.testing;

import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.Evidence;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;

/**
 * What a failed assertion on a campaign prints: the summary table, every failed boot and connection with
 * its board lines, and the diagnosis; enough to tell from a CI log why it failed, without the run folder.
 */
public final class CampaignExplained {
    private CampaignExplained() {
    }

    public static String of(CampaignResult result) {
        StringBuilder out = new StringBuilder(SummaryTable.render(result));
        for (BootRecord boot : result.boots()) {
            if (boot.failure() != null) {
                out.append("boot ").append(boot.boot()).append(" failed: ").append(boot.failure()).append('\n');
            }
        }
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                if (c.client().outcome() != Outcome.OK) {
                    out.append("boot ").append(round.boot()).append(" round ").append(round.round()).append(" port ")
                            .append(c.client().localPort()).append(": ").append(c.client().outcome()).append(' ')
                            .append(c.client().outcomeDetail()).append('\n');
                    c.device().forEach(e -> out.append("    ").append(e.raw()).append('\n'));
                }
            }
            round.unmatchedDevice().forEach(s -> out.append("boot ").append(round.boot()).append(" round ")
                    .append(round.round()).append(": board session no client opened, port ").append(s.port())
                    .append(": ").append(s.events().stream().map(e -> e.raw()).toList()).append('\n'));
            if (!round.sessionsWithoutEnd().isEmpty()) {
                out.append("boot ").append(round.boot()).append(" round ").append(round.round())
                        .append(": no end on the board for ports ").append(round.sessionsWithoutEnd()).append('\n');
            }
        }
        return out.append(DiagnosisText.render(Diagnoser.standard().diagnose(Evidence.of(result)))).toString();
    }
}
