package io.hilharness.board.container;

import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The root filesystem of a container board as a tarball: a static busybox, the init and console-bridge
 * scripts, and the firmware image under {@code /flash} (what a flasher writes to a board). Entries carry
 * no timestamps or owners, so the same image always gives the same bytes and the same image tag.
 */
final class RootfsTar {
    static final String INIT = "/init";
    static final String CONSOLE_BRIDGE = "/console-bridge";
    static final String FLASH_DIR = "flash";

    private final Path busybox;

    RootfsTar(Path busybox) {
        this.busybox = busybox;
    }

    void write(FirmwareImage image, OutputStream out) throws IOException {
        if (!Files.isRegularFile(busybox)) {
            throw new IOException("no busybox at " + busybox + " (a static one: Debian package busybox-static)");
        }
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("bin", "board", "tmp", FLASH_DIR)) {
                directory(tar, dir);
            }
            file(tar, "bin/busybox", busybox, 0755);
            symlink(tar, "bin/sh", "busybox");
            resource(tar, INIT.substring(1), "init.sh");
            resource(tar, CONSOLE_BRIDGE.substring(1), "console-bridge.sh");
            imageTree(tar, image.dir());
            tar.finish();
        }
    }

    private static void imageTree(TarArchiveOutputStream tar, Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
        for (Path path : paths) {
            String name = FLASH_DIR + "/" + dir.relativize(path).toString().replace('\\', '/');
            if (Files.isDirectory(path)) {
                directory(tar, name);
            } else if (Files.isRegularFile(path)) {
                file(tar, name, path, Files.isExecutable(path) ? 0755 : 0644);
            }
        }
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name + "/");
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
        reproducible(entry);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, Path source, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(source));
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        reproducible(entry);
        tar.putArchiveEntry(entry);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
    }

    private static void resource(TarArchiveOutputStream tar, String name, String resource) throws IOException {
        byte[] script;
        try (InputStream in = RootfsTar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the harness jar");
            }
            script = in.readAllBytes();
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(script.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | 0755);
        reproducible(entry);
        tar.putArchiveEntry(entry);
        tar.write(script);
        tar.closeArchiveEntry();
    }

    private static void symlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        reproducible(entry);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void reproducible(TarArchiveEntry entry) {
        entry.setModTime(0);
        entry.setIds(0, 0);
        entry.setNames("root", "root");
    }
}
