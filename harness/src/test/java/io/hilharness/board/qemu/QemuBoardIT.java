package io.hilharness.board.qemu;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ResetKind;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.board.flash.GdbFlasher;
import io.hilharness.board.flash.TestImages;
import io.hilharness.console.ConsoleLine;
import io.hilharness.image.FirmwareImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QEMU board on a real QEMU: flashed through its GDB server, reset over QMP and from its console, power
 * cycled, locked up. The firmware is the small test image (see {@link TestBoardElf}).
 */
class QemuBoardIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    static Path images;
    private static FirmwareImage alpha;
    private static FirmwareImage beta;

    @TempDir
    Path dir;
    private final List<Board> boards = new ArrayList<>();
    private final List<Long> qemuPids = new ArrayList<>();

    @BeforeAll
    static void buildImages() throws Exception {
        alpha = TestBoardElf.image(images, "alpha");
        beta = TestBoardElf.image(images, "beta");
    }

    @AfterEach
    void noQemuOutlivesItsBoard() throws Exception {
        for (Board board : boards) {
            board.close();
        }
        for (long pid : qemuPids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "QEMU " + pid + " still runs");
        }
    }

    private Board board(Optional<Path> tee) throws Exception {
        Board board = QemuBoard.create("qemu-test", dir.resolve("board"), dir.resolve("console.raw"), tee);
        boards.add(board);
        return board;
    }

    /** Powers on and records QEMU's pid, to check it is gone after the test. */
    private void powerOn(Board board) throws Exception {
        PowerSwitch power = board.power().orElseThrow();
        power.powerOn();
        qemuPids.add(qemuOf(power).pid().orElseThrow());
    }

    private static QemuPower qemuOf(PowerSwitch power) {
        return (QemuPower) power;
    }

    private static String awaitBanner(Board board, long afterSeq) {
        return board.console().awaitLine(Pattern.compile("^boot \\d+, reset cause: "), afterSeq, BOOT)
                .map(ConsoleLine::text)
                .orElseThrow(() -> new AssertionError("no banner; last lines: " + board.console().tail(10)));
    }

    @Test
    void anImageFlashedIntoTheRunningBoardThroughGdbBootsAtOnce() throws Exception {
        Board board = board(Optional.empty());
        board.flasher().flash(alpha);
        long mark = board.console().lastSeq();
        powerOn(board);
        assertEquals("boot 1, reset cause: power-on, image alpha, firmware qemu-test-board 1", awaitBanner(board, mark));

        mark = board.console().lastSeq();
        board.flasher().flash(beta);
        assertEquals("boot 2, reset cause: reset, image beta, firmware qemu-test-board 1", awaitBanner(board, mark));
    }

    @Test
    void aPowerCycleKeepsTheImageAndStartsFromPowerOn() throws Exception {
        Path tee = dir.resolve("uart.tee");
        Board board = board(Optional.of(tee));
        board.flasher().flash(beta);
        powerOn(board);
        awaitBanner(board, 0);

        board.power().orElseThrow().powerOff();
        assertFalse(board.power().orElseThrow().isOn());
        long mark = board.console().lastSeq();
        powerOn(board);
        assertEquals("boot 1, reset cause: power-on, image beta, firmware qemu-test-board 1", awaitBanner(board, mark));
        assertTrue(board.power().orElseThrow().diedByItself().isEmpty(), "a power off is not a death");
        await().atMost(BOOT).until(() -> Files.readString(tee, StandardCharsets.ISO_8859_1)
                .split("reset cause: power-on, image beta").length == 3);
    }

    @Test
    void aHardResetIsTheResetLineAndASoftResetTheFirmwaresOwn() throws Exception {
        Board board = board(Optional.empty());
        board.flasher().flash(alpha);
        powerOn(board);
        awaitBanner(board, 0);

        long mark = board.console().lastSeq();
        board.resetter(ResetKind.HARD).reset();
        assertEquals("boot 2, reset cause: reset, image alpha, firmware qemu-test-board 1", awaitBanner(board, mark));

        mark = board.console().lastSeq();
        board.resetter(ResetKind.SOFT).reset();
        assertEquals("boot 3, reset cause: software, image alpha, firmware qemu-test-board 1", awaitBanner(board, mark));
    }

    @Test
    void aBoardWhoseCpuLocksUpDiedByItselfWithQemusWordsAndPowersOnAgain() throws Exception {
        Board board = board(Optional.empty());
        PowerSwitch power = board.power().orElseThrow();
        board.flasher().flash(alpha);
        powerOn(board);
        awaitBanner(board, 0);

        board.console().send("crash");
        await().atMost(BOOT).until(() -> power.diedByItself().isPresent());
        assertEquals("locked up: qemu: fatal: Lockup: can't escalate 3 to HardFault (current priority -1)",
                power.diedByItself().orElseThrow());
        assertFalse(power.isOn());
        assertFalse(Files.exists(dir.resolve("board/console"), LinkOption.NOFOLLOW_LINKS), "the dead board's console link stays");

        long mark = board.console().lastSeq();
        powerOn(board);
        assertEquals("boot 1, reset cause: power-on, image alpha, firmware qemu-test-board 1", awaitBanner(board, mark));
        assertTrue(power.diedByItself().isEmpty());
    }

    @Test
    void aBoardNeverFlashedHasNothingToPowerOn() throws Exception {
        Board board = board(Optional.empty());
        NothingFlashedException e = assertThrows(NothingFlashedException.class, () -> board.power().orElseThrow().powerOn());
        assertTrue(e.getMessage().startsWith("nothing flashed on board "), e.getMessage());
        assertFalse(board.power().orElseThrow().isOn());
    }

    @Test
    void aQemuThatCannotStartSaysWhyInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            QemuBoardFolder folder = new QemuBoardFolder(Files.createDirectories(dir.resolve("busy")));
            Files.copy(alpha.dir().resolve(FirmwareImage.QEMU_ELF_NAME), folder.flash());
            QemuPower power = new QemuPower(folder, new QemuCommand(QemuBoard.QEMU_TOOL, taken.getLocalPort(), 1, Optional.empty()),
                    new GdbFlasher(QemuBoard.GDB_TOOL, "127.0.0.1:1", QemuBoard.GDB_RESET, "unused", new ToolRunner(dir, Duration.ofSeconds(5))));

            BoardException e = assertThrows(BoardException.class, power::powerOn);
            assertEquals("QEMU of board " + folder.dir() + " did not start: qemu-system-arm: -gdb tcp:127.0.0.1:" + taken.getLocalPort()
                    + ": Failed to find an available port: Address already in use (see " + folder.log() + ")", e.getMessage());
            assertFalse(power.isOn());
            assertTrue(power.diedByItself().isEmpty(), "a board that never started did not die");
        }
    }

    @Test
    void gdbsOwnErrorIsTheOneLineOfAFailedFlash() throws Exception {
        Board board = board(Optional.empty());
        board.flasher().flash(alpha);
        powerOn(board);
        FirmwareImage garbage = TestImages.withFile(images.resolve("garbage"), FirmwareImage.QEMU_ELF_NAME,
                "not an ELF".getBytes(StandardCharsets.US_ASCII));

        BoardException e = assertThrows(BoardException.class, () -> board.flasher().flash(garbage));
        assertTrue(e.getMessage().contains("not in executable format"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
