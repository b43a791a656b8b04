package io.hilharness.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs mounted for a test, so writes really fail with ENOSPC (no fake file system). Needs
 * root (CAP_SYS_ADMIN); a test is skipped where it cannot mount.
 */
final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString()))
                .redirectErrorStream(true).start();
        String out = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here: " + out);
        return new SmallDisk(dir);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Lazy: a board process that has not quite gone yet must not leave the mount behind.
        new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
    }
}
