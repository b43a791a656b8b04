package io.hilharness.lwip;

import static io.hilharness.junit.HilAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.junit.AcrossBoots;
import io.hilharness.junit.HilBoard;
import io.hilharness.junit.HilTest;
import io.hilharness.junit.HttpsProbe;
import io.hilharness.junit.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The JUnit extension users get, on a fresh lwIP board: flash once, probe it across soft and hard resets. */
@LwipBoardTest
@HilTest(board = "lwip", image = LwipCampaignIT.IMAGE)
class LwipBoardExtensionIT {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final Pattern BANNER = Pattern.compile("boot (\\d+), reset cause: ([a-z-]+), image lwip-good");
    private static final List<String> softBootCauses = new ArrayList<>();

    @AcrossBoots(2)
    void pageAndStylesheetLoadAfterEverySoftReset(HilBoard board, HttpsProbe https) {
        softBootCauses.add(bootCause(board));
        board.console().awaitLine("httpd ready", READY);
        ProbeResult page = https.get("/dashboard.html");
        ProbeResult css = https.get("/style.css");

        assertThat(page).isComplete();
        assertThat(css).isComplete();
    }

    @AcrossBoots(value = 2, reset = ResetKind.HARD)
    void theStylesheetLoadsAfterEveryPowerCycle(HilBoard board, HttpsProbe https) {
        assertEquals("power-on", bootCause(board), "a power cycle starts a new process");
        board.console().awaitLine("httpd ready", READY);

        assertThat(https.get("/style.css")).isComplete();
    }

    @Test
    void theBoardAnswersStatusWithLwipsCounters(HilBoard board) {
        long mark = board.console().mark();
        board.console().send("status");

        String status = board.console().awaitLineAfter(Pattern.compile("status: boot \\d+"), mark, READY).text();
        assertTrue(status.matches(".*heap used \\d+/\\d+ max \\d+ err \\d+.*"), status);
    }

    /** The second soft repetition follows the board's own 'reboot', which its banner calls a software reset. */
    @AfterAll
    static void aSoftResetIsTheBoardsOwnReboot() {
        assertEquals(2, softBootCauses.size(), softBootCauses::toString);
        assertEquals("software", softBootCauses.get(1));
    }

    private static String bootCause(HilBoard board) {
        Matcher m = BANNER.matcher(board.console().awaitLine("reset cause", READY).text());
        assertTrue(m.find());
        return m.group(2);
    }
}
