package io.hilharness.board.container;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Flashes a container board: packs the image folder with busybox into a rootfs tarball, imports it into
 * the local engine as {@code localhost/hil-refboard:<image>-<hash>} and makes it the image the next
 * power-on boots. The tag carries the tarball's hash, so a changed image never reuses a stale one.
 */
public final class ContainerImageFlasher implements Flasher {
    private final RootfsTar rootfs;
    private final Path workDir;
    private final LocalImages images;

    ContainerImageFlasher(RootfsTar rootfs, Path workDir, LocalImages images) {
        this.rootfs = rootfs;
        this.workDir = workDir;
        this.images = images;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        Path tarball = workDir.resolve("rootfs-" + safe(image.name()) + ".tar");
        try {
            Files.createDirectories(workDir);
            try (OutputStream out = Files.newOutputStream(tarball)) {
                rootfs.write(image, out);
            }
            String tag = safe(image.name()) + "-" + FirmwareImage.sha256(tarball).substring(0, 12);
            images.markFlashed(images.importRootfs(tarball, tag));
        } catch (IOException e) {
            throw new BoardException("flashing " + image.name() + " into a container image failed: " + e.getMessage(), e);
        } finally {
            try {
                // The tarball holds the image's private key; the engine has its own copy now.
                Files.deleteIfExists(tarball);
            } catch (IOException e) {
                // left in the board's work folder, which belongs to the run
            }
        }
    }

    /** Image names become tag parts: lower case letters, digits, '.', '_' and '-' only. */
    static String safe(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "image-" + cleaned : cleaned;
    }
}
