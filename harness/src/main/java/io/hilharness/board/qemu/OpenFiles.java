package io.hilharness.board.qemu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this JVM holds a file open, from /proc/self/fd (Linux). The console opens the board's pty on its
 * own thread behind the console link; this is how power-on knows, without reaching into the console, that
 * QEMU will find a reader for the first boot line (it drops output while nobody has the pty open).
 */
final class OpenFiles {
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    static boolean heldByThisProcess(Path file) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
            for (Path fd : fds) {
                if (file.equals(target(fd))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path target(Path fd) {
        try {
            return Files.readSymbolicLink(fd);
        } catch (IOException closedMeanwhile) {
            return null;
        }
    }
}
