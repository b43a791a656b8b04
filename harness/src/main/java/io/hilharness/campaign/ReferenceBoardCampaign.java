package io.hilharness.campaign;

import io.hilharness.run.CampaignSpec;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RunFolder;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.host.HostBoard;
import io.hilharness.capture.CaptureSettings;
import io.hilharness.capture.WireCapture;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.browser.BrowserTrust;
import io.hilharness.client.browser.ChromiumDriver;
import io.hilharness.client.TrustConfig;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import io.hilharness.report.RunReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole campaign against the reference board: build the image, set up a fresh board in the run
 * folder, run, write the reports, power the board off.
 */
public final class ReferenceBoardCampaign {
    private static final Duration CHROMIUM_START_ALLOWANCE = Duration.ofSeconds(30);

    private final ProjectLayout layout;
    private final Path runsDir;
    private Optional<Path> consoleTee = Optional.empty();
    private ClientKind client = ClientKind.OKHTTP;
    private Optional<CaptureSettings> capture = Optional.empty();
    private UnaryOperator<Campaign> campaignSettings = c -> c;
    /**
     * Set by {@link #longRun()}; a campaign of more than {@link CampaignSpec#LONG_RUN_ROUNDS} rounds is
     * one by itself: a passed round's evidence is some 100-250 KB in memory, so a nightly
     * {@code hil run --boots 100 --rounds 100} would otherwise hold gigabytes until its end.
     */
    private boolean longRun;

    public ReferenceBoardCampaign(ProjectLayout layout, Path runsDir) {
        this.layout = layout;
        this.runsDir = runsDir;
    }

    /** Also records what the firmware wrote to its console (a UART sniffer; tests compare it with the capture). */
    public ReferenceBoardCampaign withConsoleTee(Path tee) {
        this.consoleTee = Optional.of(tee);
        return this;
    }

    /** Which client fetches the rounds; OkHttp unless told otherwise. */
    public ReferenceBoardCampaign withClient(ClientKind client) {
        this.client = client;
        return this;
    }

    /** Also captures the board's traffic into capture.pcapng and wire.json (see docs/packet-capture.md). */
    public ReferenceBoardCampaign withCapture(Optional<CaptureSettings> settings) {
        this.capture = settings;
        return this;
    }

    /** Further settings of the campaign itself, e.g. {@link Campaign#endingAt} for a soak. */
    public ReferenceBoardCampaign withCampaign(UnaryOperator<Campaign> settings) {
        this.campaignSettings = settings;
        return this;
    }

    /**
     * For campaigns of thousands of rounds: memory keeps only what the running campaign needs, and the
     * reports are built from the journal at the end (see {@link Campaign#forgettingPassedRoundEvidence}).
     * The returned result then lacks the device events of passed rounds.
     */
    public ReferenceBoardCampaign longRun() {
        this.longRun = true;
        return this;
    }

    /**
     * @param trust "system" (what a browser trusts), "image" (the image's lab CA), or a PEM file of
     *              trust anchors
     */
    public CampaignResult run(String imageName, CampaignSpec asked, String trust, CampaignListener listener)
            throws ManifestException, IOException, BoardException, InterruptedException {
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        TrustConfig trustConfig = resolveTrust(trust, image);
        CampaignSpec spec = asked.withTrust(trustConfig.recorded());
        RunFolder run = RunFolder.create(runsDir, image.name());
        try (Board board = HostBoard.forRun("reference-" + image.name(), run.boardDir(), run.consoleCapture(), consoleTee)) {
            Optional<WireCapture> wire = capture.isPresent()
                    ? Optional.of(WireCapture.start(capture.get(), board.endpoint(), run.dir())) : Optional.empty();
            CampaignResult result;
            try {
                result = runClient(spec, board, image, trust, trustConfig, run, listener, wire);
            } finally {
                if (wire.isPresent()) {
                    wire.get().finish(); // done already unless the campaign stopped before its diagnosis
                }
            }
            RunReports.writeAfterCampaign(run);
            return result;
        }
    }

    private CampaignResult runClient(CampaignSpec spec, Board board, FirmwareImage image, String trust, TrustConfig trustConfig,
                                     RunFolder run, CampaignListener listener, Optional<WireCapture> wire)
            throws ManifestException, IOException, BoardException, InterruptedException {
        if (client == ClientKind.CHROMIUM) {
            return runWithChromium(spec, board, image, resolveBrowserTrust(trust, image), run, listener, wire);
        }
        HttpsDriver driver = HttpsDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                .trust(trustConfig)
                .mode(spec.mode())
                .maxParallel(spec.parallelism())
                .callTimeout(spec.fetchTimeout())
                .expectedDigests(image.contentDigests())
                .build();
        return configured(new Campaign(spec, board, image, driver, run, listener), spec, wire).run();
    }

    /** Each round's NetLog and browser log stay in the run folder, under chromium/round-N/. */
    private CampaignResult runWithChromium(CampaignSpec spec, Board board, FirmwareImage image, BrowserTrust trust,
                                                  RunFolder run, CampaignListener listener, Optional<WireCapture> wire)
            throws IOException, BoardException, InterruptedException {
        // A page load is the page and its stylesheet one after the other, plus the browser's own start.
        Duration roundTimeout = spec.fetchTimeout().multipliedBy(2).plus(CHROMIUM_START_ALLOWANCE);
        try (ChromiumDriver chromium = ChromiumDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                .trust(trust)
                .roundTimeout(roundTimeout)
                .workDir(run.dir().resolve("chromium"))
                .build()) {
            return configured(new Campaign(spec, board, image, chromium::runRound, run, listener), spec, wire).run();
        }
    }

    /** With a capture, it is read back before the campaign's diagnosis, which then cites the wire. */
    private Campaign configured(Campaign campaign, CampaignSpec spec, Optional<WireCapture> wire) {
        wire.ifPresent(capture -> campaign.finishingBeforeDiagnosis(capture::finish));
        return campaignSettings.apply(isLongRun(spec) ? campaign.forgettingPassedRoundEvidence() : campaign);
    }

    private boolean isLongRun(CampaignSpec spec) {
        return longRun || spec.isLongRun();
    }

    /** The same --trust values for the browser: its own roots, plus the lab CA for "image" or a file. */
    static BrowserTrust resolveBrowserTrust(String trust, FirmwareImage image) throws ManifestException, IOException {
        if (trust == null || trust.equals("system")) {
            return BrowserTrust.browserDefault();
        }
        if (trust.equals("image")) {
            return BrowserTrust.withLabCa(image.trustFile().orElseThrow(() -> new ManifestException(
                    image.dir().resolve("manifest.yaml"), 0, "trust", "image " + image.name() + " names no trust file")));
        }
        Path file = Path.of(trust);
        if (!Files.isRegularFile(file)) {
            throw new IOException("--trust: no such file: " + file);
        }
        return BrowserTrust.withLabCa(file);
    }

    public static TrustConfig resolveTrust(String trust, FirmwareImage image) throws ManifestException, IOException {
        if (trust == null || trust.equals("system")) {
            return TrustConfig.system();
        }
        if (trust.equals("image")) {
            Path file = image.trustFile().orElseThrow(() -> new ManifestException(
                    image.dir().resolve("manifest.yaml"), 0, "trust", "image " + image.name() + " names no trust file"));
            return TrustConfig.caFile(file);
        }
        Path file = Path.of(trust);
        if (!Files.isRegularFile(file)) {
            throw new IOException("--trust: no such file: " + file);
        }
        return TrustConfig.caFile(file);
    }
}
