package io.hilharness.board.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.board.PowerSwitch;
import io.hilharness.certs.Trust;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.console.ConsoleLine;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QEMU board with its real firmware: a new image flashed through GDB into the running board boots at
 * once, a power cycle boots the flashed image again, and HTTPS reaches it through QEMU's port forward.
 */
class QemuBoardFirmwareIT {
    private static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    static Path images;
    private static FirmwareImage one;
    private static FirmwareImage two;

    @TempDir
    Path dir;
    private Board board;
    private long qemuPid;

    @BeforeAll
    static void buildImages() throws Exception {
        one = QemuFirmwareImages.build(images, "qemu-it-one");
        two = QemuFirmwareImages.build(images, "qemu-it-two");
    }

    @AfterEach
    void closeBoard() throws Exception {
        board.close();
        assertFalse(ProcessHandle.of(qemuPid).map(ProcessHandle::isAlive).orElse(false), "QEMU still runs");
    }

    private void powerOn() throws Exception {
        PowerSwitch power = board.power().orElseThrow();
        power.powerOn();
        qemuPid = ((QemuPower) power).pid().orElseThrow();
    }

    /** The banner of the next boot, once the board also says it serves HTTPS. */
    private String awaitBoot(long afterSeq) {
        String banner = board.console().awaitLine(Pattern.compile("^boot \\d+, reset cause: "), afterSeq, BOOT)
                .map(ConsoleLine::text).orElseThrow(() -> new AssertionError("no banner; last lines: " + board.console().tail(10)));
        board.console().awaitLine(board.readyPattern(), afterSeq, BOOT)
                .orElseThrow(() -> new AssertionError("not ready; last lines: " + board.console().tail(10)));
        return banner;
    }

    private void fetchesThePageOf(FirmwareImage image) throws Exception {
        HttpsDriver https = HttpsDriver.builder("127.0.0.1", board.endpoint().getPort())
                .trust(Trust.caFile(image.dir().resolve("certs/ca.pem"))).build();
        List<ConnectionRecord> round = https.runRound(List.of(QemuFirmwareImages.PAGE));
        assertEquals(1, round.size());
        assertEquals(Outcome.OK, round.get(0).outcome(), round.get(0).outcomeDetail());
    }

    @Test
    void anImageFlashedThroughGdbIntoTheRunningBoardBootsAndServes() throws Exception {
        board = QemuBoard.create("qemu", dir.resolve("board"), dir.resolve("console.raw"), Optional.empty());
        board.flasher().flash(one);
        powerOn();
        String banner = awaitBoot(0);
        assertTrue(banner.startsWith("boot 1, reset cause: power-on, image qemu-it-one, firmware qemu-board "), banner);

        long mark = board.console().lastSeq();
        board.flasher().flash(two);
        banner = awaitBoot(mark);
        assertTrue(banner.startsWith("boot 2, reset cause: reset, image qemu-it-two, firmware qemu-board "), banner);
        fetchesThePageOf(two);
    }

    @Test
    void aPowerCycleBootsTheFlashedImageAgain() throws Exception {
        board = QemuBoard.create("qemu", dir.resolve("board"), dir.resolve("console.raw"), Optional.empty());
        board.flasher().flash(two);
        powerOn();
        awaitBoot(0);

        board.power().orElseThrow().powerOff();
        long mark = board.console().lastSeq();
        powerOn();
        String banner = awaitBoot(mark);
        assertTrue(banner.startsWith("boot 1, reset cause: power-on, image qemu-it-two, firmware qemu-board "), banner);
        fetchesThePageOf(two);
    }
}
