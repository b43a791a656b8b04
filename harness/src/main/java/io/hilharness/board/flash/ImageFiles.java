package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which file of an image folder a flasher writes, and the checksum it leaves in the run folder. */
final class ImageFiles {
    private ImageFiles() {
    }

    static Path resolve(FirmwareImage image, String imageFile) throws BoardException {
        Path file = imageFile == null ? image.binary() : image.dir().resolve(imageFile);
        if (!Files.isRegularFile(file)) {
            throw new BoardException("image " + image.name() + " has no file " + file);
        }
        return file.toAbsolutePath();
    }

    /** {@code NAME.sha256} in sha256sum's format, so a lab can check what was flashed afterwards. */
    static String recordChecksum(Path file, ToolRunner runner, String name) throws BoardException {
        return recordChecksum(file, runner.logDir(), name);
    }

    static String recordChecksum(Path file, Path logDir, String name) throws BoardException {
        try {
            String sha = FirmwareImage.sha256(file);
            CommandFlasher.write(logDir.resolve(name + ".sha256"), sha + "  " + file + "\n");
            return sha;
        } catch (IOException e) {
            throw new BoardException("cannot read image file " + file + ": " + e.getMessage(), e);
        }
    }
}
