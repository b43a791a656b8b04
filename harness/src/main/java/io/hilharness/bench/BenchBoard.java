package io.hilharness.bench;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.Trust;
import io.hilharness.client.FetchMode;
import io.hilharness.client.HttpsClients;
import io.hilharness.client.HttpsDriver;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RunFolder;
import io.hilharness.runner.ImageBoards;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A reference board (or the lwIP or QEMU board, for their images) in a benchmark's work folder, with the campaign parts wired as {@code hil run}
 * wires them (the image's lab CA as trust, the driver built from the spec), so a benchmark measures
 * the real round path and keeps the board at hand for its baseline.
 */
final class BenchBoard implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final FirmwareImage image;
    private final Trust trust;
    private final RunFolder run;
    private final Board board;

    private BenchBoard(FirmwareImage image, Trust trust, RunFolder run, Board board) {
        this.image = image;
        this.trust = trust;
        this.run = run;
        this.board = board;
    }

    static BenchBoard create(ProjectLayout layout, String imageName, Path workDir) throws IOException, ManifestException {
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust trust = TrustOption.IMAGE.resolve(image);
        RunFolder run = RunFolder.create(workDir, image.name());
        Board board;
        try {
            String name = "bench-" + image.name();
            board = ImageBoards.forImage(image, name, run.boardDir(), run.consoleCapture(), Optional.empty(), false);
        } catch (BoardException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new BenchBoard(image, trust, run, board);
    }

    /** Page then stylesheet, one after the other, as {@code hil run --mode sequential}. */
    static CampaignSpec spec(FirmwareImage image, int boots, int rounds, ResetKind reset) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, reset,
                List.of(image.manifest().page(), image.manifest().stylesheet()), 1, READY_TIMEOUT, FETCH_TIMEOUT);
    }

    CampaignSpec spec(int boots, int rounds, ResetKind reset) {
        return spec(image, boots, rounds, reset);
    }

    /** The campaign {@code hil run} would run on this board: flash, power-on, boots, rounds, journal. */
    Campaign campaign(CampaignSpec spec, CampaignListener listener) throws IOException {
        HttpsDriver driver = HttpsClients.forBoard(board.endpoint(), spec.fetchSettings(), trust, image.contentDigests());
        return new Campaign(spec, board, image, driver, run, listener);
    }

    FirmwareImage image() {
        return image;
    }

    Trust trust() {
        return trust;
    }

    Board board() {
        return board;
    }

    @Override
    public void close() throws BoardException {
        board.close();
    }
}
