package io.hilharness.cli;

import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A campaign's progress: on a terminal a progress bar with rounds done, failed rounds so far and
 * an ETA; otherwise (CI logs, pipes) plain lines, one per boot and per round, that read well in a log.
 */
final class ProgressPrinter implements CampaignListener, AutoCloseable {
    private final PrintStream out;
    private final String label;
    private final ProgressBar bar;
    private final int roundsPerBoot;
    private int failedRounds;
    private int failedBoots;
    private final List<String> pendingLines = new ArrayList<>();

    /** Plain lines. */
    ProgressPrinter(PrintStream out, String label) {
        this(out, label, null, 0);
    }

    private ProgressPrinter(PrintStream out, String label, ProgressBar bar, int roundsPerBoot) {
        this.out = out;
        this.label = label;
        this.bar = bar;
        this.roundsPerBoot = roundsPerBoot;
    }

    /** A bar when a person is watching a terminal, plain lines when not (System.console() is null). */
    static ProgressPrinter create(PrintStream out, String label, CampaignSpec spec) {
        if (System.console() == null) {
            return new ProgressPrinter(out, label);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(label + " rounds")
                .setInitialMax((long) spec.boots() * spec.rounds())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
        return new ProgressPrinter(out, label, bar, spec.rounds());
    }

    @Override
    public void flashed(String image) {
        if (bar == null) {
            out.printf("[%s] flashed %s%n", label, image);
        }
    }

    @Override
    public void bootDone(BootRecord boot) {
        if (bar != null) {
            if (!boot.ready()) {
                failedBoots++;
                bar.stepBy(roundsPerBoot);
                bar.setExtraMessage(status());
            }
            return;
        }
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
        if (bar != null) {
            if (!round.ok()) {
                failedRounds++;
            }
            bar.step();
            bar.setExtraMessage(status());
            return;
        }
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

    @Override
    public void watchdogTripped(int boot, int round, String reason, String action) {
        String line = String.format("[%s] WATCHDOG boot %d round %d: %s; %s", label, boot, round, reason, action);
        if (bar != null) {
            pendingLines.add(line);
        } else {
            out.println(line);
        }
    }

    @Override
    public void bootCrashed(io.hilharness.run.CrashRecord crash) {
        String line = String.format("[%s] CRASH boot %d round %d: %s%s; the boot ends here", label,
                crash.boot(), crash.round(), crash.reason(), crash.location() == null ? "" : " (" + crash.location() + ")");
        if (bar != null) {
            pendingLines.add(line);
        } else {
            out.println(line);
        }
    }

    /** Said where the operator is looking, not only in the report. */
    @Override
    public void campaignEndedEarly(String reason) {
        String line = String.format("[%s] CAMPAIGN ENDED EARLY: %s", label, reason);
        if (bar != null) {
            pendingLines.add(line); // printed below the bar when it closes, so the bar is not torn
        } else {
            out.println(line);
        }
    }

    private String status() {
        return failedRounds + " failed" + (failedBoots > 0 ? ", " + failedBoots + " boots not ready" : "");
    }

    /** Ends the bar (a no-op for plain lines), so the summary starts on a clean line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            pendingLines.forEach(out::println);
            pendingLines.clear();
        }
    }
}
