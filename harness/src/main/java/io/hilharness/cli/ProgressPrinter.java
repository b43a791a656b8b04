package io.hilharness.cli;

import io.hilharness.campaign.BootRecord;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.campaign.RoundRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import java.io.PrintStream;

/** Plain progress lines, readable on a terminal and in a CI log alike: one line per boot and its rounds. */
final class ProgressPrinter implements CampaignListener {
    private final PrintStream out;
    private final String label;

    ProgressPrinter(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void flashed(String image) {
        out.printf("[%s] flashed %s%n", label, image);
    }

    @Override
    public void bootDone(BootRecord boot) {
        if (boot.ready()) {
            out.printf("[%s] boot %d (%s reset, device boot %s, %s): ready after %d ms%n", label, boot.boot(),
                    boot.reset().name().toLowerCase(), boot.deviceBoot(), boot.resetCause(), boot.readyMs());
        } else {
            out.printf("[%s] boot %d (%s reset): NOT READY: %s%n", label, boot.boot(),
                    boot.reset().name().toLowerCase(), boot.failure());
        }
    }

    @Override
    public void roundDone(RoundRecord round) {
        StringBuilder outcomes = new StringBuilder();
        for (CorrelatedConnection c : round.connections()) {
            Outcome outcome = c.client().outcome();
            outcomes.append(' ').append(outcome.name().toLowerCase());
            if (outcome != Outcome.OK) {
                outcomes.append("(port ").append(c.client().localPort()).append(')');
            }
        }
        out.printf("[%s]   round %d.%d:%s%n", label, round.boot(), round.round(), outcomes);
    }
}
