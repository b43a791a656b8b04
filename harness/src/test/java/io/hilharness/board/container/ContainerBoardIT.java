package io.hilharness.board.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hilharness.board.Board;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.Trust;
import io.hilharness.client.FetchMode;
import io.hilharness.client.HttpsDriver;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.EventType;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.report.RunReports;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import io.hilharness.testing.CampaignExplained;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.DockerClientFactory;

/**
 * The reference firmware in a container, driven by the same Campaign as every other board: image built
 * locally from the firmware and the image folder, console over TCP, soft reset by {@code reboot}, hard
 * reset by restarting the container. Skipped only where no container engine answers.
 */
class ContainerBoardIT {
    private static boolean engine;
    private static FirmwareImage image;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildImageIfAnEngineAnswers() throws Exception {
        engine = DockerClientFactory.instance().isDockerAvailable();
        if (engine) {
            image = new ImageBuilder(ReferenceFirmware.built()).build("lab-ca");
        }
    }

    /** Per test, so the report lists each test as skipped with the reason. */
    @BeforeEach
    void needsAnEngine() {
        assumeTrue(engine, "no container engine answers (DOCKER_HOST unset or its socket is down), so the "
                + "container board cannot run here; ci/test sets up podman when run as root");
    }

    @ParameterizedTest
    @EnumSource(ResetKind.class)
    void labCaPassesAcrossTwoBootsAndTheDeviceLogCorrelates(ResetKind reset) throws Exception {
        CampaignSpec spec = new CampaignSpec(2, 2, FetchMode.SEQUENTIAL, reset, List.of("/dashboard.html", "/style.css"),
                6, Duration.ofSeconds(30), Duration.ofSeconds(10));
        RunFolder run = RunFolder.create(runs, image.name());
        Set<String> imagesBefore = boardImages();
        CampaignResult result;
        try (Board board = ContainerBoard.create("container-" + image.name(), run.boardDir(), run.consoleCapture())) {
            HttpsDriver driver = HttpsDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                    .trust(Trust.caFile(image.trustFile().orElseThrow()))
                    .mode(spec.mode())
                    .callTimeout(spec.fetchTimeout())
                    .expectedDigests(image.contentDigests())
                    .build();
            result = new Campaign(spec, board, image, driver, run, new CampaignListener() { }).run();
            RunReports.write(result, run);
        }

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        assertEquals(2, result.boots().size());
        assertEquals(4, result.rounds().size());
        // Each boot is a new boot of the firmware in the container; a restarted container keeps its nvram.
        assertEquals(List.of(1, 2), result.boots().stream().map(BootRecord::deviceBoot).toList());
        assertEquals("power-on", result.boots().get(0).resetCause());
        assertEquals(reset == ResetKind.SOFT ? "soft" : "power-on", result.boots().get(1).resetCause());
        for (RoundRecord round : result.rounds()) {
            assertEquals(2, round.connections().size());
            for (CorrelatedConnection c : round.connections()) {
                int port = c.client().localPort();
                assertTrue(has(c, EventType.HANDSHAKE_DONE), "board logged no handshake for client port " + port);
                assertTrue(has(c, EventType.RESPONSE_SENT), "board logged no response for client port " + port);
            }
            assertTrue(round.unmatchedDevice().isEmpty(), "device sessions nobody opened: " + round.unmatchedDevice());
        }
        String console = Files.readString(run.consoleCapture(), StandardCharsets.UTF_8);
        assertTrue(console.contains("boot 2, reset cause: " + result.boots().get(1).resetCause()), console);
        // The board's images hold the image's private key: closing the board removes them.
        assertEquals(imagesBefore, boardImages());
    }

    private static Set<String> boardImages() {
        return DockerClientFactory.instance().client().listImagesCmd().exec().stream()
                .flatMap(i -> i.getRepoTags() == null ? Stream.<String>empty() : Arrays.stream(i.getRepoTags()))
                .filter(tag -> tag.startsWith(LocalImages.REPOSITORY + ":"))
                .collect(Collectors.toSet());
    }

    private static boolean has(CorrelatedConnection c, EventType type) {
        return c.device().stream().anyMatch(e -> e.type() == type);
    }
}
