package com.example.bench;

import static io.hilharness.junit.HilAssertions.assertThat;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.EventType;
import io.hilharness.junit.AcrossBoots;
import io.hilharness.junit.HilBoard;
import io.hilharness.junit.HilTest;
import io.hilharness.junit.HttpsProbe;
import io.hilharness.junit.ProbeResult;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs against the board named "nucleo-1" in the lab config, flashed with the image folder below.
 * Without that board (a laptop, a CI runner with no lab) the class is skipped with the reason.
 * Override both per run: mvn test -Dhil.board=nucleo-2 -Dhil.image=/srv/images/dashboard-1.4
 */
@HilTest(board = "nucleo-1", image = "images/dashboard")
class DashboardTest {

    /** Flashed once; reset before each of the 5 repetitions, which start once the board logged its ready line. */
    @AcrossBoots(5)
    void cssLoadsAfterEveryReboot(HilBoard board, HttpsProbe https) {
        board.console().awaitLine("httpd ready", Duration.ofSeconds(20));

        ProbeResult css = https.get("/style.css");

        assertThat(css).isComplete();                          // TLS ok, whole body, SHA-256 of the image's file
        assertThat(board.log().since(css)).hasNoAlerts()       // the board's lines for this connection (by port)
                .contains(EventType.RESPONSE_SENT);
    }

    @Test
    void thePageIsServedOnTheFirstBoot(HilBoard board, HttpsProbe https) {
        ProbeResult page = https.get("/dashboard.html");

        assertThat(page).hasOutcome(Outcome.OK).hasStatus(200);
        assertThat(board.log().since(page)).contains(EventType.HANDSHAKE_DONE);
    }

    @Test
    void theBoardAnswersOnItsConsole(HilBoard board) {
        long mark = board.console().mark();
        board.console().send("status");

        board.console().awaitLineAfter(Pattern.compile("status: boot \\d+"), mark, Duration.ofSeconds(5));
    }
}
