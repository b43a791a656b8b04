package io.hilharness.junit;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.certs.Trust;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchSettings;
import io.hilharness.client.HttpsClients;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Timeouts;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.Correlator;
import io.hilharness.correlate.DeviceEventLog;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.lab.BoardLock;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One test class's hold on its board: opened and flashed before the first test, rebooted as tests ask,
 * closed (and unlocked) after the last. Keeps what a failing test attaches: the raw capture and the
 * connections the test made, joined with the board's log.
 */
final class BoardSession implements AutoCloseable {
    private final Board board;
    private final Optional<BoardLock> lock;
    private final RunFolder run;
    private final Duration readyTimeout;
    private final ImageChoice classImage;
    private final Map<String, FirmwareImage> builtImages = new HashMap<>();
    /** The lab's log format for the board, over the image manifest's. */
    private final Optional<String> logFormat;
    private final DeviceEventLog events = new DeviceEventLog();
    private final BoardConsole console;
    private volatile DeviceLogParser parser;
    /** What the board runs (or will after its next power-on) and the probe that fits it; null before the first flash. */
    private ImageChoice flashed;
    private FirmwareImage image;
    private HttpsProbe https;
    private final List<ProbeResult> testProbes = new CopyOnWriteArrayList<>();
    private volatile long testStart;
    private boolean bootedSinceFlash;

    /** An image as a test names it: its source (name or folder) and what the probe should trust. */
    record ImageChoice(String source, String trust) {
        static ImageChoice of(WithImage annotation) {
            return new ImageChoice(annotation.value(), annotation.trust());
        }
    }

    private BoardSession(BoardOpener.Opened opened, RunFolder run, HilSettings settings) {
        this.board = opened.board();
        this.lock = opened.lock();
        this.run = run;
        this.readyTimeout = settings.readyTimeout();
        this.classImage = new ImageChoice(settings.image(), settings.trust());
        this.logFormat = opened.logFormat();
        this.console = new BoardConsole(board.console(), () -> testStart);
        board.console().addListener(line -> {
            // Confined to the console's reader thread, which delivers lines in order; a new parser per image.
            DeviceLogParser current = parser;
            if (current != null) {
                events.addAll(current.accept(line));
            }
        });
    }

    /** The board first: without it there is nothing to flash and no image worth building. */
    static BoardSession open(HilSettings settings, String owner)
            throws MissingHardwareException, IOException, ManifestException, io.hilharness.lab.LabConfigException {
        RunFolder[] run = new RunFolder[1];
        BoardOpener.Opened opened = BoardOpener.open(settings,
                () -> run[0] = RunFolder.create(settings.reportDir(), owner), owner);
        BoardSession session = new BoardSession(opened, run[0], settings);
        try {
            // A class image that does not build is the class's error, before any test runs.
            if (!settings.image().isBlank()) {
                session.build(settings.image());
            }
            return session;
        } catch (IOException | ManifestException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private FirmwareImage build(String source) throws ManifestException, IOException {
        FirmwareImage built = builtImages.get(source);
        if (built == null) {
            built = image(source);
            builtImages.put(source, built);
        }
        return built;
    }

    private static FirmwareImage image(String nameOrFolder) throws ManifestException, IOException {
        Path folder = Path.of(nameOrFolder);
        if (Files.isRegularFile(folder.resolve(ImageManifest.FILE_NAME))) {
            return FirmwareImage.load(folder);
        }
        return new ImageBuilder(ProjectLayout.locate()).build(nameOrFolder);
    }

    /** By default a probe trusts what the image says its clients should trust (its lab CA), else the system store. */
    private static Trust trust(String trust, FirmwareImage image) throws ManifestException, IOException {
        TrustOption option = !trust.isBlank() ? TrustOption.parse(trust)
                : image.trustFile().isPresent() ? TrustOption.IMAGE : TrustOption.SYSTEM;
        return option.resolve(image);
    }

    /**
     * Makes sure the board has the image the test runs on (its {@link WithImage}, else the class's), flashing
     * it if the board has another; the next boot is then a power-on. Flashes nothing the board already has.
     */
    void useImage(Optional<WithImage> forTest, String testName)
            throws BoardException, ManifestException, IOException {
        ImageChoice wanted = forTest.map(ImageChoice::of).orElse(classImage);
        if (wanted.source().isBlank()) {
            throw new IllegalArgumentException("no image given for " + testName
                    + ": set @HilTest(image = ...), @WithImage on the method, or -Dhil.image=NAME");
        }
        if (wanted.equals(flashed)) {
            return;
        }
        FirmwareImage next = build(wanted.source());
        HttpsProbe probe = probeFor(next, trust(wanted.trust(), next));
        DeviceLogParser nextParser = DeviceLogParser.forFormat(logFormat.orElse(next.manifest().logFormat()));
        // Until a flash succeeds the board counts as having the old image: a failed flash is tried again.
        board.flasher().flash(next);
        bootedSinceFlash = false;
        flashed = wanted;
        image = next;
        parser = nextParser;
        https = probe;
    }

    private HttpsProbe probeFor(FirmwareImage image, Trust trust) throws IOException {
        Map<String, String> digests = image.contentDigests();
        HttpsProbe.Drivers drivers = (mode, callTimeout) -> HttpsClients.forBoard(board.endpoint(),
                new FetchSettings(mode, HttpsDriver.DEFAULT_MAX_PARALLEL, callTimeout.orElse(Timeouts.defaults().call())),
                trust, digests);
        return new HttpsProbe(drivers, board.console(), events, testProbes::add);
    }

    /** Marks where the test's console output and connections begin. */
    void startTest() {
        testStart = board.console().lastSeq();
        testProbes.clear();
    }

    /** A plain test needs a running board: boot it once after the flash. */
    void ensureBooted() throws BoardException {
        if (!bootedSinceFlash) {
            reboot(ResetKind.SOFT);
        }
    }

    /**
     * Resets and waits for the ready line. The first boot after flashing is a power-on when the board has a
     * power switch, as on a bench after programming; a flashed image takes effect at power-on.
     */
    void reboot(ResetKind kind) throws BoardException {
        ResetKind actual = !bootedSinceFlash && board.power().isPresent() ? ResetKind.HARD : kind;
        long mark = board.console().lastSeq();
        board.resetter(actual).reset();
        bootedSinceFlash = true;
        console.awaitLineAfter(board.readyPattern(), mark, readyTimeout,
                "board " + board.name() + " not ready after a " + actual.name().toLowerCase() + " reset");
    }

    /** The test's connections with the board's log lines for each, as JSON in the run folder. */
    Path writeTimeline(String testName) throws IOException {
        List<ConnectionRecord> clients = testProbes.stream().map(ProbeResult::connection).toList();
        List<CorrelatedConnection> joined = new ArrayList<>(
                Correlator.withDefaults().correlate(clients, events.since(testStart)).connections());
        Path file = run.dir().resolve(testName.replaceAll("[^A-Za-z0-9._-]", "_") + ".timeline.json");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), joined);
        return file.toAbsolutePath();
    }

    Path rawCapture() {
        return board.console().rawCaptureFile().toAbsolutePath();
    }

    HilBoard hilBoard() {
        return new HilBoard(this, board, image, console, log());
    }

    BoardConsole console() {
        return console;
    }

    HttpsProbe https() {
        return https;
    }

    DeviceLog log() {
        return new DeviceLog(events, () -> testStart);
    }

    @Override
    public void close() throws Exception {
        closeQuietly(new BoardOpener.Opened(board, lock, Optional.empty()));
    }

    private static void closeQuietly(BoardOpener.Opened opened) {
        try {
            opened.board().close();
        } catch (BoardException e) {
            // powering off a board we are leaving: nothing a test could still do about it
        } finally {
            opened.lock().ifPresent(l -> {
                try {
                    l.close();
                } catch (IOException e) {
                    // the OS releases the lock with the process anyway
                }
            });
        }
    }
}
