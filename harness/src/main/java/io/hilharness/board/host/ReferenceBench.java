package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ManifestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference board on a bench as a lab has a board: a supply that can be switched, a probe that
 * flashes it, and a UART ({@link BenchUart}) that stays when the supply goes. Its flash is a folder under
 * the bench's, so what was flashed survives the bench being stopped and started again.
 */
public final class ReferenceBench implements AutoCloseable {
    private final HostBoardFolder folder;
    private final HostProcessPower power;
    private final FolderFlasher flasher;
    private final BenchUart uart;
    private final int boardPort;

    private ReferenceBench(HostBoardFolder folder, int boardPort, Optional<Path> consoleTee, BenchUart uart) {
        this.folder = folder;
        this.boardPort = boardPort;
        this.power = new HostProcessPower(folder, boardPort, consoleTee);
        this.flasher = new FolderFlasher(folder);
        this.uart = uart;
    }

    /**
     * A bench in {@code dir} (created if needed), powered off, with what its flash held before.
     *
     * @param boardPort the loopback port the firmware serves HTTPS on when powered
     * @param consoleTee where the firmware also writes everything it sends on its UART, if anywhere
     */
    public static ReferenceBench open(Path dir, int boardPort, Optional<Path> consoleTee) throws BoardException {
        HostBoardFolder folder;
        try {
            folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")));
        } catch (IOException e) {
            throw new BoardException("cannot create the bench folder " + dir + ": " + e.getMessage(), e);
        }
        return new ReferenceBench(folder, boardPort, consoleTee, BenchUart.open(dir.resolve("uart"), dir.resolve("uart.log")));
    }

    /** The UART device a console server (ser2net) shares. */
    public Path uart() {
        return uart.path();
    }

    /** Where the firmware serves HTTPS on loopback while on. */
    public int boardPort() {
        return boardPort;
    }

    public synchronized void powerOn() throws BoardException {
        if (power.isOn()) {
            return;
        }
        power.powerOn();
        uart.connect(folder.consoleLink());
    }

    public synchronized void powerOff() throws BoardException {
        power.powerOff();
        uart.disconnect();
    }

    /** Flashes the image folder {@code image}, or the folder of {@code image} when it is one of its files. */
    public synchronized void flash(Path image) throws BoardException, ManifestException {
        if (!Files.exists(image)) {
            throw new BoardException("no image at " + image);
        }
        flasher.flash(FirmwareImage.load(Files.isDirectory(image) ? image : image.toAbsolutePath().getParent()));
    }

    /** Board off, UART gone. */
    @Override
    public synchronized void close() throws BoardException {
        try {
            powerOff();
        } finally {
            uart.close();
        }
    }
}
