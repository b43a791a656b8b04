package io.hilharness.board.host;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.PowerCycleReset;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ReleasingPower;
import io.hilharness.console.Console;
import io.hilharness.console.SerialTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the reference board (the firmware as a host process) from the same parts a real board
 * uses: a serial console opened through jSerialComm, a flasher, soft and hard resets, a power switch.
 */
public final class HostBoard {
    public static final String REBOOT_COMMAND = "reboot";

    private HostBoard() {
    }

    /**
     * Sets up a board folder; the board stays unpowered until flashed and reset.
     *
     * @param port       TCP port the board listens on; 0 picks a free loopback port
     * @param consoleTee see {@link HostProcessPower}
     */
    public static Board create(String name, Path dir, int port, Path rawCapture, Optional<Path> consoleTee)
            throws IOException {
        return create(name, dir, port, rawCapture, consoleTee, false);
    }

    /**
     * The reference board of one run, in its run folder: once it is off for good, its flash goes. The slots
     * are copies of the image folder (2 MB), which builds again the same; the run folder keeps the evidence
     * (console, journal, NVRAM, power.log), not the firmware.
     */
    public static Board forRun(String name, Path dir, Path rawCapture, Optional<Path> consoleTee) throws IOException {
        return create(name, dir, 0, rawCapture, consoleTee, true);
    }

    private static Board create(String name, Path dir, int port, Path rawCapture, Optional<Path> consoleTee,
                                boolean eraseFlashAtClose) throws IOException {
        int boardPort = port == 0 ? LoopbackPorts.free() : port;
        return assemble(name, dir, new InetSocketAddress("127.0.0.1", boardPort),
                FirmwareCommand.reference(boardPort, consoleTee), rawCapture, eraseFlashAtClose);
    }

    /**
     * A board that is a host process started as {@code command} says and reached at {@code endpoint}: the
     * reference board, or another firmware run the same way (the lwIP board).
     *
     * @param eraseFlashAtClose see {@link #forRun}
     */
    public static Board assemble(String name, Path dir, InetSocketAddress endpoint, FirmwareCommand command,
                                 Path rawCapture, boolean eraseFlashAtClose) throws IOException {
        Files.createDirectories(dir);
        HostBoardFolder folder = new HostBoardFolder(dir.toAbsolutePath());
        HostProcessPower power = new HostProcessPower(folder, command);
        // Opened before the first power-on: the reader waits for the device, so no boot line is missed.
        Console console = Console.open(SerialTransport.byPath(folder.consoleLink()), rawCapture).start();
        return new Board(name, console, endpoint, new FolderFlasher(folder),
                List.of(new ConsoleCommandReset(console, REBOOT_COMMAND), new PowerCycleReset(power)),
                Optional.of(eraseFlashAtClose ? new ReleasingPower(power, () -> eraseFlash(folder)) : power), Board.DEFAULT_READY);
    }

    /** A board that exists for one run takes its flash with it once it is off for good. */
    private static void eraseFlash(HostBoardFolder folder) throws BoardException {
        try {
            folder.eraseFlash();
        } catch (IOException e) {
            throw new BoardException("cannot erase the flash of " + folder.dir() + ": " + e.getMessage(), e);
        }
    }
}
