package io.hilharness.board.host;

import io.hilharness.image.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference board's folder, laid out like a board on a bench: its flash (an A/B pair of slots
 * behind the {@code flash} link), its console link (like /dev/serial/by-id/...) and its NVRAM.
 */
public record HostBoardFolder(Path dir) {
    public Path flashLink() {
        return dir.resolve("flash");
    }

    public Path slot(String name) {
        return dir.resolve("slot-" + name);
    }

    public Path consoleLink() {
        return dir.resolve("console");
    }

    public Path powerLog() {
        return dir.resolve("power.log");
    }

    /** Removes what was flashed: both slots and the link to the active one. NVRAM and power.log stay. */
    public void eraseFlash() throws IOException {
        Files.deleteIfExists(flashLink());
        FileTrees.delete(slot("a"));
        FileTrees.delete(slot("b"));
    }
}
