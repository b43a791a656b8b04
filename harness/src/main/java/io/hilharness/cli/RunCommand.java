package io.hilharness.cli;

import io.hilharness.capture.CaptureSettings;
import io.hilharness.capture.WireEvidence;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.lab.LabConfig;
import io.hilharness.netns.PrivateNetwork;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.CampaignOutcome;
import io.hilharness.runner.ClientKind;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.runner.RunSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hil run --image NAME}: one campaign on a fresh board of the image's kind (the reference board, the lwIP
 * board or the QEMU board), or on lab boards with --board/--boards.
 */
@Command(name = "run", description = "Flash an image on the reference board and run a campaign across reboots.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, description = "Image name under firmware-images/images/.")
    String image;

    @Option(names = "--trust", defaultValue = "system",
            description = "system (what a browser trusts, default), image (the image's lab CA), or a PEM file.")
    String trust;

    @Option(names = "--runs-dir", description = "Where run folders go (default: runs/ in the project).")
    Path runsDir;

    @Option(names = "--client", defaultValue = "okhttp",
            description = "okhttp (library client, default), chromium (real headless browser), or both (one campaign each, side by side).")
    String client;

    @Mixin
    CampaignOptions options = new CampaignOptions();


    @Option(names = "--board", description = "Run on this board of the lab config instead of a fresh reference board.")
    String board;

    @Option(names = "--boards", description = "Run on every matching lab board in parallel: tag:TAG, a name, or all.")
    String boards;

    @Option(names = "--count", description = "With --boards: run on this many of the matching boards (any free ones), not all.")
    Integer count;

    @Option(names = "--wait", arity = "0..1", fallbackValue = BoardsWanted.UNTIL_FREE, paramLabel = "DURATION",
            description = "Wait in line for busy boards (first come, first served on this host) instead of failing: "
                    + "until they are free, or for at most DURATION (e.g. 30s, 10m, 1h30m), then exit 2.")
    String wait;

    @Option(names = "--capture", description = "Also capture the board's traffic with dumpcap (Debian package tshark) into capture.pcapng and wire.json.")
    boolean capture;

    @Option(names = "--compress", description = "At the end, gzip console.raw and journal.jsonl (hil report, diagnose and analyze read them as they are).")
    boolean compress;

    @Option(names = "--lab", description = "Lab config for --board/--boards (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path lab;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        ImageManifest manifest = layout.imageManifest(image);
        CampaignSpec spec = options.toSpec(manifest);
        // The QEMU board needs no namespace: QEMU forwards a loopback port into the guest.
        if (manifest.isLwip()) {
            // Decided before any signal handler: outside a namespace, a child started inside one does the campaign.
            OptionalInt child = PrivateNetwork.enter();
            if (child.isPresent()) {
                return child.getAsInt();
            }
        }
        StopOnSignals.install(System.err);
        if (board != null || boards != null) {
            if (board != null && boards != null) {
                throw new IllegalArgumentException("give --board or --boards, not both");
            }
            if (capture) {
                throw new IllegalArgumentException("--capture works on the reference board only (lab boards are not on loopback)");
            }
            if (board != null && count != null) {
                throw new IllegalArgumentException("--count goes with --boards SELECTOR, not --board NAME");
            }
            BoardsWanted wanted = new BoardsWanted(board != null ? board : boards, count, wait);
            int exit = BoardsRun.run(layout, image, spec, trust, runsDir == null ? layout.runsDir() : runsDir,
                    LabConfig.locateAndRead(lab), wanted, "hil run --image " + image, compress, System.out);
            return stopped().orElse(exit);
        }
        if (count != null || wait != null) {
            throw new IllegalArgumentException("--count and --wait are for lab boards (--board/--boards)");
        }
        List<ClientKind> clients = clients(client);
        Map<String, CampaignResult> results = new LinkedHashMap<>();
        for (ClientKind kind : clients) {
            if (OperatorStop.process().reason().isPresent()) {
                break;
            }
            String label = clients.size() == 1 ? image : image + "/" + kind.label();
            CampaignOutcome outcome;
            try (ProgressPrinter progress = ProgressPrinter.create(System.out, label, spec)) {
                outcome = new ReferenceBoardRunner(layout, runsDir == null ? layout.runsDir() : runsDir)
                        .withClient(kind)
                        .withCapture(capture ? Optional.of(CaptureSettings.loopback()) : Optional.empty())
                        .withSettings(RunSettings.defaults().stoppingOn(OperatorStop.process()).compressing(compress))
                        .run(image, spec, TrustOption.parse(trust), progress);
            }
            CampaignResult result = outcome.result();
            results.put(kind.label(), result);
            System.out.println();
            System.out.print(SummaryTable.render(result));
            System.out.print(DiagnosisText.brief(outcome.diagnosis(), 3));
            System.out.println("run folder: " + result.runDir() + " (report.html, junit.xml, diagnosis.txt)");
            if (capture) {
                System.out.println(outcome.wire().map(WireEvidence::headline).orElse("wire: no wire.json"));
            }
        }
        if (results.size() > 1) {
            System.out.println();
            System.out.print(ClientComparison.render(results));
        }
        return stopped().orElse(results.values().stream().mapToInt(CampaignResult::exitCode).max().orElse(0));
    }

    /** After Ctrl-C/SIGTERM: says so and exits 130 like any stopped command, lab boards or not. */
    private static Optional<Integer> stopped() {
        if (OperatorStop.process().reason().isEmpty()) {
            return Optional.empty();
        }
        System.out.println("stopped by " + OperatorStop.process().reason().get() + ": the reports hold the rounds run so far");
        return Optional.of(StopOnSignals.EXIT_STOPPED);
    }

    static List<ClientKind> clients(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "okhttp" -> List.of(ClientKind.OKHTTP);
            case "chromium" -> List.of(ClientKind.CHROMIUM);
            case "both" -> List.of(ClientKind.OKHTTP, ClientKind.CHROMIUM);
            default -> throw new IllegalArgumentException("--client: '" + value + "' is not one of okhttp, chromium, both");
        };
    }
}
