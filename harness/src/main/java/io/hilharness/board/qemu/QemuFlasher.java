package io.hilharness.board.qemu;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Flashes the QEMU board: the image's ELF becomes the board's flash (a copy in its folder, since QEMU's
 * flash is RAM that a power cycle loses), and a running board gets it at once through the GDB server,
 * which resets it into the new image.
 */
final class QemuFlasher implements Flasher {
    private final QemuBoardFolder folder;
    private final QemuPower power;

    QemuFlasher(QemuBoardFolder folder, QemuPower power) {
        this.folder = folder;
        this.power = power;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        Path elf = image.dir().resolve(FirmwareImage.QEMU_ELF_NAME);
        if (!Files.isRegularFile(elf)) {
            throw new BoardException("image " + image.name() + " has no file " + elf);
        }
        try {
            Path tmp = folder.dir().resolve("flash.elf.new");
            Files.copy(elf, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, folder.flash(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BoardException("flashing " + image.name() + " into " + folder.dir() + " failed: " + e, e);
        }
        power.loadIfOn();
    }
}
