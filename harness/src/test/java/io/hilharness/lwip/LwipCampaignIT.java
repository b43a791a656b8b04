package io.hilharness.lwip;

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
 * Campaigns on the lwIP board for real: lwIP's httpd over altcp_tls built from the release sources, on a
 * tap in this JVM's private namespace, its console on a pty; soft and hard resets, OkHttp and Chromium.
 */
@LwipBoardTest
class LwipCampaignIT {
    static final String IMAGE = "lwip-good";

    @TempDir
    Path runs;

    static CampaignSpec spec(int boots, int rounds, ResetKind reset) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, reset, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @EnumSource(ResetKind.class)
    void goodImagePassesEveryRoundAcrossBootsWithOkHttp(ResetKind reset) throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run(IMAGE, spec(3, 2, reset), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        assertEquals(6, result.rounds().size());
        assertEquals(3, result.boots().size());
        // Each boot is a new boot of the board, by its own counter; a soft reset is its own 'reboot'.
        String console = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        String later = reset == ResetKind.SOFT ? "software" : "power-on";
        for (String banner : List.of("boot 1, reset cause: power-on, image lwip-good", "boot 2, reset cause: " + later
                + ", image lwip-good", "boot 3, reset cause: " + later + ", image lwip-good")) {
            assertTrue(console.contains(banner), "no banner '" + banner + "' in console.raw");
        }
        LwipBoardAssertions.everyClientPortIsOnTheBoardsConsole(result);
        assertTrue(Files.isRegularFile(result.runDir().resolve("junit.xml")));
        assertTrue(Files.isRegularFile(result.runDir().resolve("report.html")));
    }

    @Test
    void chromiumLoadsThePageAndItsStylesheetFromTheBoard() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs).withClient(ClientKind.CHROMIUM)
                .run(IMAGE, spec(1, 2, ResetKind.SOFT), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        assertEquals(2, result.rounds().size());
        for (RoundRecord round : result.rounds()) {
            assertFalse(round.connections().isEmpty(), "the browser's connections are recorded");
        }
        LwipBoardAssertions.everyClientPortIsOnTheBoardsConsole(result);
        // The board's tap came up for it just before the first round: the host's addresses must not change then.
        LwipBoardAssertions.theBrowserSawNoNetworkChange(result);
    }

    @Test
    void everyConnectionOfAnOkHttpCampaignIsJoinedWithItsBoardLinesByPort() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run(IMAGE, spec(2, 2, ResetKind.SOFT), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        LwipBoardAssertions.everyConnectionIsJoinedByPort(result);
    }
}
