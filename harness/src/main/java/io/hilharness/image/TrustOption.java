package io.hilharness.image;

import io.hilharness.certs.Trust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code --trust} value, parsed once: {@code system} (what a browser trusts), {@code image} (the image's lab
 * CA, named by its manifest's {@code trust}), or a CA file. Which file "image" means is known only once the
 * image is built (its lab CA is made then), so the choice is resolved against the built image.
 */
public final class TrustOption {
    public static final TrustOption SYSTEM = new TrustOption("system", null);
    public static final TrustOption IMAGE = new TrustOption("image", null);

    private final String value;
    private final Path file;

    private TrustOption(String value, Path file) {
        this.value = value;
        this.file = file;
    }

    /** {@code system} (also for none given), {@code image}, or anything else as the path of a CA file. */
    public static TrustOption parse(String value) {
        if (value == null || value.equals(SYSTEM.value)) {
            return SYSTEM;
        }
        if (value.equals(IMAGE.value)) {
            return IMAGE;
        }
        return new TrustOption(value, Path.of(value));
    }

    /**
     * The CA file clients of this image trust under this choice; empty for the system store.
     *
     * @throws ManifestException naming the manifest's {@code trust} when "image" is asked of an image without one
     */
    public Optional<Path> caFile(FirmwareImage image) throws ManifestException {
        if (this == SYSTEM) {
            return Optional.empty();
        }
        if (this == IMAGE) {
            return Optional.of(image.trustFile().orElseThrow(() -> new ManifestException(
                    image.dir().resolve(ImageManifest.FILE_NAME), 0, "trust", "image " + image.name() + " names no trust file")));
        }
        return Optional.of(file);
    }

    /** What clients of this image trust under this choice; a CA file is read as PEM. */
    public Trust resolve(FirmwareImage image) throws ManifestException, IOException {
        Optional<Path> caFile = caFile(image);
        if (caFile.isEmpty()) {
            return Trust.system();
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new IOException("--trust: no such file: " + file);
        }
        return Trust.caFile(caFile.get());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustOption other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
