package io.hilharness.testing;

import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
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
            if (!round.ok()) {
                // Every connection of a failed round: a browser's failure may show only beside the others.
                round.connections().forEach(c -> connection(out, round, c));
            }
            round.unmatchedDevice().forEach(s -> out.append("boot ").append(round.boot()).append(" round ")
                    .append(round.round()).append(s.noClientOpened() ? ": board session no client opened" : ": late lines of " + s.lateFor())
                    .append(", port ").append(s.port())
                    .append(": ").append(s.events().stream().map(DeviceEvent::raw).toList()).append('\n'));
            if (!round.sessionsWithoutEnd().isEmpty()) {
                out.append("boot ").append(round.boot()).append(" round ").append(round.round())
                        .append(": no end on the board for ports ").append(round.sessionsWithoutEnd()).append('\n');
            }
        }
        return out.append(DiagnosisText.render(Diagnoser.standard().diagnose(Evidence.of(result)))).toString();
    }

    private static void connection(StringBuilder out, RoundRecord round, CorrelatedConnection c) {
        out.append("boot ").append(round.boot()).append(" round ").append(round.round()).append(" port ")
                .append(c.client().localPort()).append(": ").append(c.client().outcome()).append(' ')
                .append(c.client().outcomeDetail()).append(", handshake ").append(c.client().handshakeMs()).append(" ms\n");
        c.client().exchanges().forEach(x -> out.append("    ").append(x.path()).append(' ').append(x.httpStatus())
                .append(' ').append(x.outcome()).append(' ').append(x.outcomeDetail()).append('\n'));
        if (c.client().outcome() != Outcome.OK) {
            c.device().forEach(e -> out.append("    | ").append(e.raw()).append('\n'));
        }
    }
}
