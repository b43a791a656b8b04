package io.hilharness.qemu;

import static io.hilharness.junit.HilAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.junit.AcrossBoots;
import io.hilharness.junit.HilBoard;
import io.hilharness.junit.HilTest;
import io.hilharness.junit.HttpsProbe;
import java.time.Duration;

/** The JUnit extension users get, on a fresh QEMU board ({@code @HilTest(board = "qemu")}): no lab file, no namespace. */
@HilTest(board = "qemu", image = QemuWiringIT.IMAGE)
class QemuBoardExtensionIT {
    private static final Duration READY = Duration.ofSeconds(30);

    @AcrossBoots(2)
    void theStylesheetLoadsAfterEverySoftReset(HilBoard board, HttpsProbe https) {
        board.console().awaitLine("httpd ready", READY);

        assertThat(https.get("/style.css")).isComplete();
    }

    @AcrossBoots(value = 2, reset = ResetKind.HARD)
    void thePageLoadsAfterEveryHardReset(HilBoard board, HttpsProbe https) {
        String banner = board.console().awaitLine("reset cause", READY).text();
        board.console().awaitLine("httpd ready", READY);

        assertTrue(banner.contains("image " + QemuWiringIT.IMAGE), banner);
        assertThat(https.get("/dashboard.html")).isComplete();
    }
}
