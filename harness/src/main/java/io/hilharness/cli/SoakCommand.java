package io.hilharness.cli;

import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.runner.RunSettings;
import io.hilharness.soak.SoakMonitor;
import io.hilharness.soak.SoakReport;
import io.hilharness.soak.SoakVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hil soak --duration 30m}: one long campaign on the reference board, rebooting every few
 * rounds, printing the harness's heap, descriptors and threads as it goes, and judging at the end
 * whether they stayed flat. Not part of the test suite: it runs for as long as it is told.
 */
@Command(name = "soak", description = "Run the reference board for a duration with reboots; print heap, descriptors and threads every minute and judge whether they stayed flat.")
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--duration", defaultValue = "30m", description = "How long: e.g. 30m, 2h, 1h30m, 45s. Default ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--image", defaultValue = "good", description = "Image name under firmware-images/images/, default ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--trust", defaultValue = "image", description = "system, image (default), or a PEM file, as for run.")
    String trust;

    @Option(names = "--rounds-per-boot", defaultValue = "10", description = "Rounds between reboots, default ${DEFAULT-VALUE}.")
    int roundsPerBoot;

    @Option(names = "--round-interval", defaultValue = "1000", description = "Least milliseconds between round starts, default ${DEFAULT-VALUE}.")
    int roundIntervalMs;

    @Option(names = "--reset", defaultValue = "alternate", description = "Reboots: alternate (soft and hard in turn, default), soft or hard.")
    String reset;

    @Option(names = "--mode", defaultValue = "sequential", description = "sequential (default), keepalive or parallel.")
    String mode;

    @Option(names = "--print-every", description = "Sample and print every, default 1m, or a tenth of --duration when that is shorter.")
    String printEvery;

    @Option(names = "--runs-dir", description = "Where the run folder goes (default: runs/ in the project).")
    Path runsDir;

    @Option(names = "--compress", description = "At the end, gzip console.raw and journal.jsonl (hil report, diagnose and analyze read them as they are).")
    boolean compress;

    @Override
    public Integer call() throws Exception {
        Duration length = parseDuration("--duration", duration);
        Duration every = printEvery == null ? defaultInterval(length) : parseDuration("--print-every", printEvery);
        boolean alternate = reset.equalsIgnoreCase("alternate");
        ResetKind kind = alternate ? ResetKind.SOFT : CampaignOptions.parseEnum(ResetKind.class, "--reset", reset);
        ProjectLayout layout = ProjectLayout.locate();
        ImageManifest manifest = layout.imageManifest(image);
        // An upper bound the deadline ends long before (a boot with its rounds takes well over 50 ms),
        // small enough that a report rebuilt from a killed soak's journal stays a sensible size.
        int bootBound = (int) Math.max(1, Math.min(Math.min(100_000, length.toSeconds() * 20),
                CampaignSpec.MAX_ROUNDS / Math.max(1, roundsPerBoot)));
        CampaignSpec spec = new CampaignSpec(bootBound, roundsPerBoot, CampaignOptions.parseEnum(FetchMode.class, "--mode", mode),
                kind, List.of(manifest.page(), manifest.stylesheet()), 6, Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMillis(roundIntervalMs));
        StopOnSignals.install(System.err);
        RunSettings settings = RunSettings.defaults().stoppingOn(OperatorStop.process()).asLongRun().compressing(compress)
                .endingAt(Instant.now().plus(length));
        System.out.println("soak: image " + image + " for " + duration + ", reboot every " + roundsPerBoot + " rounds ("
                + (alternate ? "soft and hard in turn" : kind.name().toLowerCase(Locale.ROOT)) + ")");
        CampaignResult result;
        SoakMonitor monitor = new SoakMonitor(System.out, every).start();
        try (monitor) {
            result = new ReferenceBoardRunner(layout, runsDir == null ? layout.runsDir() : runsDir)
                    .withSettings(alternate ? settings.withAlternatingResets() : settings)
                    .run(image, spec, TrustOption.parse(trust), monitor).result();
        }
        SoakVerdict verdict = SoakVerdict.of(monitor.samples());
        System.out.println();
        System.out.print(SummaryTable.render(result));
        System.out.print(SoakReport.summary(monitor.samples().get(monitor.samples().size() - 1), monitor.softBoots(),
                monitor.bootsNotReady(), verdict));
        System.out.println("run folder: " + result.runDir() + " (report.html, junit.xml)");
        if (OperatorStop.process().reason().isPresent()) {
            System.out.println("stopped by " + OperatorStop.process().reason().get() + ": the figures cover the soak so far");
            return StopOnSignals.EXIT_STOPPED;
        }
        return verdict.flat() && result.allPassed() ? 0 : 1;
    }

    /** A minute, or a tenth of a short soak: the verdict compares samples from its first fifth and last third. */
    static Duration defaultInterval(Duration length) {
        Duration tenth = length.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) >= 0 ? Duration.ofMinutes(1)
                : tenth.compareTo(Duration.ofSeconds(1)) <= 0 ? Duration.ofSeconds(1) : tenth;
    }

    /** 30m, 2h, 1h30m, 45s: picocli's own Duration converter wants ISO-8601 (PT30M). */
    static Duration parseDuration(String option, String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        try {
            if (text.matches("(\\d+H)?(\\d+M)?(\\d+S)?") && !text.isEmpty()) {
                Duration parsed = Duration.parse("PT" + text);
                if (!parsed.isZero()) {
                    return parsed;
                }
            }
        } catch (DateTimeParseException e) {
            // fall through to the one-line error
        }
        throw new IllegalArgumentException(option + ": '" + value + "' is not a duration like 30m, 2h, 1h30m or 45s");
    }
}
