package io.hilharness.runner;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.Trust;
import io.hilharness.client.HttpsClients;
import io.hilharness.client.HttpsDriver;
import io.hilharness.image.FirmwareImage;
import io.hilharness.lab.BoardBusyException;
import io.hilharness.lab.BoardLock;
import io.hilharness.lab.HealthStore;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RunFolder;
import io.hilharness.runner.BoardOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Campaigns on lab boards: each board locked for its campaign, with its own run folder; several boards
 * at once, one thread each. A board that cannot run (busy, flash failed) does not stop the others.
 */
public final class LabRunner {
    private final LabConfig lab;
    private final Path runsDir;
    private final String command;
    private RunSettings settings = RunSettings.defaults();
    private boolean reserved;
    private boolean healthCheck;

    /** @param command what the lock file says the holder is doing, e.g. the command line */
    public LabRunner(LabConfig lab, Path runsDir, String command) {
        this.lab = lab;
        this.runsDir = runsDir;
        this.command = command;
    }

    /** What stops the campaigns, their clock, a long run. */
    public LabRunner withSettings(RunSettings settings) {
        this.settings = settings;
        return this;
    }

    /** The caller holds the boards' locks already (a {@link io.hilharness.lab.Reservation}): campaigns do not take them. */
    public LabRunner onReservedBoards() {
        this.reserved = true;
        return this;
    }

    /** The campaigns are health checks: one that passes returns its board to service. */
    public LabRunner asHealthCheck() {
        this.healthCheck = true;
        return this;
    }

    /** The image is built once beforehand: boards share it, read-only. */
    public List<BoardOutcome> runAll(List<LabBoard> boards, FirmwareImage image, CampaignSpec spec, Trust trust,
                                     Function<LabBoard, CampaignListener> listeners) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(boards.size(), r -> {
            Thread t = new Thread(r, "campaign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BoardOutcome>> futures = new ArrayList<>();
            for (LabBoard board : boards) {
                futures.add(pool.submit(() -> runGuarded(board, image, spec, trust, listeners.apply(board))));
            }
            List<BoardOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < boards.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(BoardOutcome.failed(boards.get(i).name(), String.valueOf(e.getCause())));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private BoardOutcome runGuarded(LabBoard board, FirmwareImage image, CampaignSpec spec, Trust trust,
                                    CampaignListener listener) throws InterruptedException {
        try {
            return BoardOutcome.of(board.name(), run(board, image, spec, trust, listener).result());
        } catch (BoardBusyException | BoardException | IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return BoardOutcome.failed(board.name(), message);
        }
    }

    /** One campaign on one board, holding its lock throughout (taken here unless the caller reserved the boards). */
    public CampaignOutcome run(LabBoard board, FirmwareImage image, CampaignSpec spec, Trust trust,
                               CampaignListener listener)
            throws BoardBusyException, BoardException, IOException, InterruptedException {
        if (reserved) {
            return campaign(board, image, spec, trust, listener);
        }
        try (BoardLock lock = BoardLock.acquire(lab.lockDir(), board.name(), command)) {
            return campaign(board, image, spec, trust, listener);
        }
    }

    private CampaignOutcome campaign(LabBoard board, FirmwareImage image, CampaignSpec spec, Trust trust,
                                     CampaignListener listener) throws BoardException, IOException, InterruptedException {
        RunFolder run = RunFolder.create(runsDir, board.name() + "-" + image.name());
        FirmwareImage parsedAs = withLogFormat(image, board.spec().logFormat());
        Integer readySeconds = board.spec().readyTimeout();
        CampaignSpec boardSpec = (readySeconds == null ? spec : spec.withReadyTimeout(Duration.ofSeconds(readySeconds)))
                .withTrust(trust);
        HealthStore health = HealthStore.of(lab);
        CampaignOutcome outcome;
        try (Board b = LabBoards.open(board, run.dir(), run.consoleCapture())) {
            HttpsDriver driver = HttpsClients.forBoard(b.endpoint(), boardSpec.fetchSettings(), trust, image.contentDigests());
            Campaign campaign = new Campaign(boardSpec, b, parsedAs, driver, run, listener)
                    .parsingWith(lab.userFormat(board.spec().logFormat()).orElse(null))
                    .decodingWith(board.spec().elf() == null ? null : board.labFile().resolveSibling(board.spec().elf()));
            outcome = new CampaignRunner(settings).run(campaign, boardSpec, run, Optional.empty());
        } catch (BoardException e) {
            // The flash, or the board's power or resets, failed: the board's fault as far as the lab can tell.
            health.recordFailure(board.name(), run.dir().toString(), e.getMessage());
            throw e;
        }
        settings.finish(run);
        recordHealth(health, board, outcome.result());
        return outcome;
    }

    /** A campaign none of whose boots got ready counts against the board; one that booted ends the streak. */
    private void recordHealth(HealthStore health, LabBoard board, CampaignResult result) throws IOException {
        List<BootRecord> boots = result.boots();
        if (boots.isEmpty()) {
            return; // stopped before its first boot: says nothing about the board
        }
        if (boots.stream().noneMatch(BootRecord::ready)) {
            health.recordFailure(board.name(), result.runDir().toString(), "no boot got ready: " + boots.get(0).failure());
        } else if (healthCheck && result.allPassed()) {
            health.returnToService(board.name());
        } else {
            health.recordSuccess(board.name());
        }
    }

    /** The combined summary of a run on several boards, in a run folder of its own beside theirs; returns its file. */
    public Path writeCombinedSummary(String selector, String summary) throws IOException {
        RunFolder folder = RunFolder.create(runsDir, "boards-" + selector);
        Files.writeString(folder.summaryText(), summary);
        return folder.summaryText();
    }

    /** A real board's firmware logs in its own format whatever the image manifest says. */
    static FirmwareImage withLogFormat(FirmwareImage image, String logFormat) {
        if (logFormat == null) {
            return image;
        }
        return new FirmwareImage(image.dir(), image.manifest().withLogFormat(logFormat));
    }
}
