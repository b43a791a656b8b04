package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.image.FileTrees;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flashes the reference board the way A/B firmware updates work: write the inactive slot, verify every
 * file's checksum, then switch the {@code flash} link atomically. A crash mid-flash leaves the old
 * image bootable.
 */
public final class FolderFlasher implements Flasher {
    private final HostBoardFolder board;

    public FolderFlasher(HostBoardFolder board) {
        this.board = board;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        try {
            Path target = inactiveSlot();
            FileTrees.delete(target);
            FileTrees.copy(image.dir(), target);
            verify(image.dir(), target);
            Path tmpLink = board.dir().resolve("flash.new");
            Files.deleteIfExists(tmpLink);
            Files.createSymbolicLink(tmpLink, target.getFileName());
            Files.move(tmpLink, board.flashLink(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BoardException("flashing " + image.name() + " into " + board.dir() + " failed: " + e, e);
        }
    }

    private Path inactiveSlot() throws IOException {
        Path link = board.flashLink();
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).getFileName().toString().equals("slot-a")) {
            return board.slot("b");
        }
        return board.slot("a");
    }

    private static void verify(Path source, Path written) throws IOException, BoardException {
        List<String> mismatches = new ArrayList<>();
        for (Path file : regularFiles(source)) {
            Path copy = written.resolve(source.relativize(file).toString());
            if (!Files.isRegularFile(copy) || !FirmwareImage.sha256(file).equals(FirmwareImage.sha256(copy))) {
                mismatches.add(source.relativize(file).toString());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new BoardException("verify after flash failed for " + mismatches);
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
