package io.hilharness.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ClientKind;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.LwipBoardAssertions;
import io.hilharness.testing.CampaignExplained;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Campaigns on the emulated Cortex-M board: the lwIP application as bare-metal firmware on QEMU's
 * mps2-an385, flashed through QEMU's GDB server, reset over QMP or by its own console command, reached
 * through a loopback port forward that keeps the client's source port.
 */
class QemuCampaignIT {
    static final String IMAGE = "qemu-good";

    @TempDir
    Path runs;

    static CampaignSpec spec(int boots, int rounds, FetchMode mode, ResetKind reset) {
        return new CampaignSpec(boots, rounds, mode, reset, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(ResetKind.class)
    void goodImagePassesEveryRoundAcrossBootsWithOkHttp(ResetKind reset) throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run(IMAGE, spec(3, 2, FetchMode.SEQUENTIAL, reset), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        assertEquals(6, result.rounds().size());
        assertEquals(3, result.boots().size());
        // The microcontroller's own boot counter and reset cause: its console command is a software reset
        // (SYSRESETREQ), QMP's system_reset is the reset pin.
        String console = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        String later = reset == ResetKind.SOFT ? "software" : "reset";
        for (String banner : List.of("boot 1, reset cause: power-on, image qemu-good", "boot 2, reset cause: " + later
                + ", image qemu-good", "boot 3, reset cause: " + later + ", image qemu-good")) {
            assertTrue(console.contains(banner), "no banner '" + banner + "' in console.raw");
        }
        LwipBoardAssertions.everyConnectionIsJoinedByPort(result);
    }

    @Test
    void chromiumLoadsThePageAndItsStylesheetFromTheBoard() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs).withClient(ClientKind.CHROMIUM)
                .run(IMAGE, spec(1, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT), TrustOption.IMAGE, new CampaignListener() { })
                .result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        assertEquals(2, result.rounds().size());
        for (RoundRecord round : result.rounds()) {
            assertFalse(round.connections().isEmpty(), "the browser's connections are recorded");
        }
        LwipBoardAssertions.everyClientPortIsOnTheBoardsConsole(result);
    }

    @Test
    void browserLikeParallelFetchesAreJoinedByPort() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run(IMAGE, spec(1, 2, FetchMode.PARALLEL, ResetKind.HARD), TrustOption.IMAGE, new CampaignListener() { })
                .result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        LwipBoardAssertions.everyConnectionIsJoinedByPort(result);
    }
}
