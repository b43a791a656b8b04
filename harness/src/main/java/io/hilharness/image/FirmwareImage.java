package io.hilharness.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A built image: a folder with the firmware binary, its manifest and everything the manifest names.
 * This folder is what a flasher writes to a board.
 */
public record FirmwareImage(Path dir, ImageManifest manifest) {

    public static final String BINARY_NAME = "refboard";
    /** The lwIP board's binary in its image folder, built for the image by firmware-images/lwip/build.sh. */
    public static final String LWIP_BINARY_NAME = "lwip-board";
    /** The QEMU board's firmware (an ELF the GDB flasher loads), built for the image by firmware-images/qemu/build.sh. */
    public static final String QEMU_ELF_NAME = "qemu-board.elf";

    public static FirmwareImage load(Path dir) throws ManifestException {
        return new FirmwareImage(dir, ImageManifest.read(dir.resolve(ImageManifest.FILE_NAME)));
    }

    public String name() {
        return manifest.name();
    }

    public Path binary() {
        return dir.resolve(binaryName(manifest));
    }

    public static String binaryName(ImageManifest manifest) {
        return manifest.isQemu() ? QEMU_ELF_NAME : manifest.isLwip() ? LWIP_BINARY_NAME : BINARY_NAME;
    }

    /** The trust file a lab client uses for this image (its lab CA), if the image has one. */
    public Optional<Path> trustFile() {
        return Optional.ofNullable(manifest.trust()).map(dir::resolve);
    }

    /**
     * The ELF file with debug information that decodes this image's crash addresses, if the manifest names one;
     * a QEMU image's firmware is that ELF itself.
     */
    public Optional<Path> elfFile() {
        String elf = manifest.elf() == null && manifest.isQemu() ? QEMU_ELF_NAME : manifest.elf();
        return Optional.ofNullable(elf).map(dir::resolve);
    }

    /**
     * SHA-256 of every served file by URL path, so the client can tell a corrupt body from a good one
     * without trusting the board.
     */
    public Map<String, String> contentDigests() throws IOException {
        Path content = dir.resolve(manifest.contentDir());
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String urlPath = "/" + content.relativize(file).toString().replace('\\', '/');
                digests.put(urlPath, sha256(file));
            }
        }
        return digests;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
