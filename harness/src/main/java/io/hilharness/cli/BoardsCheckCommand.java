package io.hilharness.cli;

import io.hilharness.board.ResetKind;
import io.hilharness.certs.Trust;
import io.hilharness.client.FetchMode;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.lab.BoardHealth;
import io.hilharness.lab.HealthStore;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabConfig;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.BoardOutcome;
import io.hilharness.runner.LabRunner;
import io.hilharness.runner.RunSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hil boards check NAME|tag:T}: a short health campaign (the lab's health image, one boot, one
 * round) on each board; one that passes is back in service, as a LAVA health check returns a device.
 */
@Command(name = "check", description = "Run a health check (the lab config's health image, one boot, one round) "
        + "on boards; those that pass leave maintenance.")
final class BoardsCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|tag:TAG|all", description = "The boards to check.")
    String selector;

    @Option(names = {"--lab", "--config"}, description = "Lab config (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path labFile;

    @Option(names = "--trust", defaultValue = "image",
            description = "system, image (the health image's lab CA, default), or a PEM file, as for run.")
    String trust;

    @Option(names = "--runs-dir", description = "Where run folders go (default: runs/ in the project).")
    Path runsDir;

    @Option(names = "--ready-timeout", defaultValue = "20", description = "Seconds the boot may take to print its ready line.")
    int readyTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        LabConfig lab = LabConfig.locateAndRead(labFile);
        List<LabBoard> boards = lab.select(selector);
        ProjectLayout layout = ProjectLayout.locate();
        String imageName = lab.health().healthImage();
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust clientTrust = TrustOption.parse(trust).resolve(image);
        CampaignSpec spec = new CampaignSpec(1, 1, FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of(image.manifest().page(), image.manifest().stylesheet()), 1,
                Duration.ofSeconds(readyTimeoutSeconds), Duration.ofSeconds(10));
        StopOnSignals.install(System.err);
        PrintStream out = System.out;
        LabRunner runner = new LabRunner(lab, runsDir == null ? layout.runsDir() : runsDir, "hil boards check " + selector)
                .withSettings(RunSettings.defaults().stoppingOn(OperatorStop.process()))
                .asHealthCheck();
        List<BoardOutcome> outcomes = runner.runAll(boards, image, spec, clientTrust, board -> new ProgressPrinter(out, board.name()));
        HealthStore health = HealthStore.of(lab);
        int exit = 0;
        for (BoardOutcome outcome : outcomes) {
            BoardHealth now = health.read(outcome.board());
            String verdict = outcome.error().map(e -> "could not check: " + e)
                    .orElseGet(() -> (outcome.exitCode() == 0 ? "health check passed" : "health check failed")
                            + " (" + outcome.result().orElseThrow().runDir() + ")");
            out.println(outcome.board() + ": " + verdict + "; "
                    + (now.inMaintenance() ? now.maintenance().describe() : "in service"));
            exit = Math.max(exit, outcome.exitCode());
        }
        return exit;
    }
}
