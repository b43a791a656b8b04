package io.hilharness.board.qemu;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ReleasingPower;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.board.flash.GdbFlasher;
import io.hilharness.console.Console;
import io.hilharness.console.SerialTransport;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the QEMU board (an emulated Cortex-M3, mps2-an385) from the parts a real microcontroller board
 * in a lab has: a serial console, a GDB server to flash through, a reset line (QMP), a power switch (the
 * QEMU process) and a network port (a loopback port QEMU forwards to the board's HTTPS port).
 */
public final class QemuBoard {
    public static final String QEMU_TOOL = "qemu-system-arm";
    public static final String GDB_TOOL = "gdb-multiarch";
    /** QEMU's gdbstub resets the whole machine with this monitor command. */
    public static final String GDB_RESET = "monitor system_reset";
    public static final String REBOOT_COMMAND = "reboot";
    /** Loading a few hundred KB takes a fraction of a second; the bound is for a GDB that hangs. */
    private static final Duration GDB_TIMEOUT = Duration.ofSeconds(60);

    private QemuBoard() {
    }

    /**
     * Sets up a board folder; the board stays unpowered until flashed and reset.
     *
     * @param consoleTee a file where QEMU also logs every console byte the board sends (a UART sniffer)
     */
    public static Board create(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        return create(name, dir, rawCapture, consoleTee, false);
    }

    /** The QEMU board of one run, whose flash goes once it is off for good (as the reference board's). */
    public static Board forRun(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        return create(name, dir, rawCapture, consoleTee, true);
    }

    private static Board create(String name, Path dir, Path rawCapture, Optional<Path> consoleTee,
                                boolean eraseFlashAtClose) throws IOException {
        Files.createDirectories(dir);
        QemuBoardFolder folder = new QemuBoardFolder(dir.toAbsolutePath());
        int gdbPort = LoopbackPorts.free();
        int hostPort = otherFreePort(gdbPort);
        GdbFlasher gdb = new GdbFlasher(GDB_TOOL, "127.0.0.1:" + gdbPort, GDB_RESET, FirmwareImage.QEMU_ELF_NAME,
                new ToolRunner(folder.dir(), GDB_TIMEOUT));
        QemuPower power = new QemuPower(folder, new QemuCommand(QEMU_TOOL, gdbPort, hostPort, consoleTee), gdb);
        Console console = Console.open(SerialTransport.byPath(folder.consoleLink()), rawCapture);
        console.addStateListener(state -> power.consoleChanged());
        console.start();
        PowerSwitch switched = eraseFlashAtClose ? new ReleasingPower(power, () -> eraseFlash(folder)) : power;
        return new Board(name, console, new InetSocketAddress("127.0.0.1", hostPort), new QemuFlasher(folder, power),
                List.of(new ConsoleCommandReset(console, REBOOT_COMMAND), new QmpReset(power)),
                Optional.of(switched), Board.DEFAULT_READY);
    }

    private static int otherFreePort(int taken) throws IOException {
        int port = LoopbackPorts.free();
        while (port == taken) {
            port = LoopbackPorts.free();
        }
        return port;
    }

    private static void eraseFlash(QemuBoardFolder folder) throws BoardException {
        try {
            Files.deleteIfExists(folder.flash());
        } catch (IOException e) {
            throw new BoardException("cannot erase the flash of " + folder.dir() + ": " + e.getMessage(), e);
        }
    }
}
