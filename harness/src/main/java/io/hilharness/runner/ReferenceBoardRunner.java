package io.hilharness.runner;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.capture.CaptureSettings;
import io.hilharness.capture.WireCapture;
import io.hilharness.certs.Trust;
import io.hilharness.client.HttpsClients;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.browser.ChromiumDriver;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A whole campaign against the reference board, or the lwIP board for an image with {@code board: lwip}
 * (the process must be in the private namespace, see {@link io.hilharness.netns.PrivateNetwork}), or the
 * QEMU board for an image with {@code board: qemu} (on loopback, no namespace): build
 * the image, set up a fresh board in the run folder, run, diagnose, write the reports, power the board off.
 */
public final class ReferenceBoardRunner {
    private static final Duration CHROMIUM_START_ALLOWANCE = Duration.ofSeconds(30);

    private final ProjectLayout layout;
    private final Path runsDir;
    private Optional<Path> consoleTee = Optional.empty();
    private ClientKind client = ClientKind.OKHTTP;
    private Optional<CaptureSettings> capture = Optional.empty();
    private RunSettings settings = RunSettings.defaults();

    public ReferenceBoardRunner(ProjectLayout layout, Path runsDir) {
        this.layout = layout;
        this.runsDir = runsDir;
    }

    /** Also records what the firmware wrote to its console (a UART sniffer; tests compare it with the capture). */
    public ReferenceBoardRunner withConsoleTee(Path tee) {
        this.consoleTee = Optional.of(tee);
        return this;
    }

    /** Which client fetches the rounds; OkHttp unless told otherwise. */
    public ReferenceBoardRunner withClient(ClientKind client) {
        this.client = client;
        return this;
    }

    /** Also captures the board's traffic into capture.pcapng and wire.json (see docs/packet-capture.md). */
    public ReferenceBoardRunner withCapture(Optional<CaptureSettings> settings) {
        this.capture = settings;
        return this;
    }

    /** What stops the campaign, its clock, a deadline, alternating resets, a long run. */
    public ReferenceBoardRunner withSettings(RunSettings settings) {
        this.settings = settings;
        return this;
    }

    /**
     * @param trust what the clients trust: the system's roots (as a browser), the image's lab CA, or a file;
     *              resolved against the image once it is built
     */
    public CampaignOutcome run(String imageName, CampaignSpec asked, TrustOption trust, CampaignListener listener)
            throws ManifestException, IOException, BoardException, InterruptedException {
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust clientTrust = trust.resolve(image);
        CampaignSpec spec = asked.withTrust(clientTrust);
        RunFolder run = RunFolder.create(runsDir, image.name());
        CampaignOutcome outcome;
        try (Board board = openBoard(image, run)) {
            Optional<WireCapture> wire = capture.isPresent() ? Optional.of(WireCapture.start(
                    capture.get().forBoard(board.endpoint().getAddress()), board.endpoint(), run.dir())) : Optional.empty();
            try {
                outcome = runClient(spec, board, image, clientTrust, run, listener, wire);
            } finally {
                if (wire.isPresent()) {
                    wire.get().finish(); // done already unless the campaign stopped before its diagnosis
                }
            }
        }
        settings.finish(run);
        return outcome;
    }

    /** The board the image is built for, in the run's folder. */
    private Board openBoard(FirmwareImage image, RunFolder run) throws IOException, BoardException {
        return ImageBoards.forImage(image, ImageBoards.name(image), run.boardDir(), run.consoleCapture(), consoleTee, true);
    }

    private CampaignOutcome runClient(CampaignSpec spec, Board board, FirmwareImage image, Trust trust,
                                      RunFolder run, CampaignListener listener, Optional<WireCapture> wire)
            throws IOException, BoardException, InterruptedException {
        if (client == ClientKind.CHROMIUM) {
            return runWithChromium(spec, board, image, trust, run, listener, wire);
        }
        HttpsDriver driver = HttpsClients.forBoard(board.endpoint(), spec.fetchSettings(), trust, image.contentDigests());
        return new CampaignRunner(settings).run(new Campaign(spec, board, image, driver, run, listener), spec, run, wire);
    }

    /** Each round's NetLog and browser log stay in the run folder, under chromium/round-N/. */
    private CampaignOutcome runWithChromium(CampaignSpec spec, Board board, FirmwareImage image, Trust trust,
                                            RunFolder run, CampaignListener listener, Optional<WireCapture> wire)
            throws IOException, BoardException, InterruptedException {
        // A page load is the page and its stylesheet one after the other, plus the browser's own start.
        Duration roundTimeout = spec.fetchTimeout().multipliedBy(2).plus(CHROMIUM_START_ALLOWANCE);
        try (ChromiumDriver chromium = ChromiumDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                .trust(trust)
                .roundTimeout(roundTimeout)
                .workDir(run.dir().resolve("chromium"))
                .build()) {
            return new CampaignRunner(settings).run(new Campaign(spec, board, image, chromium::runRound, run, listener),
                    spec, run, wire);
        }
    }
}
