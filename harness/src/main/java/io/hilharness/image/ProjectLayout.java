package io.hilharness.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the project's parts live: image sources, the built firmware, built images, run folders. */
public record ProjectLayout(Path root) {

    /**
     * The project root from {@code -Dhil.home} (set by the launcher), {@code -Dhil.projectRoot} (set by
     * the Maven build for tests), or the nearest parent of the working directory holding firmware-images/.
     */
    public static ProjectLayout locate() {
        for (String property : List.of("hil.home", "hil.projectRoot")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return new ProjectLayout(Path.of(value).toAbsolutePath().normalize());
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("firmware-images/images"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the hil-harness project folder (firmware-images/): "
                + "run from inside it or set -Dhil.home");
    }

    public Path firmwareDir() {
        return root.resolve("firmware-images");
    }

    public Path firmwareBinary() {
        return firmwareDir().resolve("build/refboard");
    }

    /** Builds (or reuses) the lwIP board's binary for one configuration header; see firmware-images/lwip/README.md. */
    public Path lwipBuildScript() {
        return firmwareDir().resolve("lwip/build.sh");
    }

    /** Builds the QEMU board's ELF for one image (its header, certificates and content); see firmware-images/qemu/. */
    public Path qemuBuildScript() {
        return firmwareDir().resolve("qemu/build.sh");
    }

    public Path contentDir() {
        return firmwareDir().resolve("content");
    }

    public Path imageSource(String name) {
        return firmwareDir().resolve("images").resolve(name);
    }

    /** The manifest of a named image source; an unknown name is an error that lists the known ones. */
    public ImageManifest imageManifest(String name) throws ManifestException {
        Path file = imageSource(name).resolve(ImageManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ManifestException(file, 0, null,
                    "no image named '" + name + "'; known images: " + String.join(", ", imageNames()));
        }
        return ImageManifest.read(file);
    }

    public Path builtImage(String name) {
        return firmwareDir().resolve("build/images").resolve(name);
    }

    public Path runsDir() {
        return root.resolve("runs");
    }

    /** Names of the images that have a manifest under firmware-images/images/. */
    public List<String> imageNames() {
        try (Stream<Path> dirs = Files.list(firmwareDir().resolve("images"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(ImageManifest.FILE_NAME)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
