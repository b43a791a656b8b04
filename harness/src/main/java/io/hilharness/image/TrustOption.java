package io.hilharness.image;

import io.hilharness.certs.Trust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code --trust} value, parsed once: {@code system} (what a browser trusts), {@code image} (the image's lab
 * CA, named by its manifest's {@code trust}), or the path of a CA file. Which file "image" means is known only
 * once the image is built (its lab CA is made then), so the choice is resolved against the built image.
 */
public record TrustOption(String value) {
    public static final TrustOption SYSTEM = new TrustOption("system");
    public static final TrustOption IMAGE = new TrustOption("image");

    public TrustOption {
        Objects.requireNonNull(value, "value");
    }

    /** {@code system} also when none is given. */
    public static TrustOption parse(String value) {
        return value == null ? SYSTEM : new TrustOption(value);
    }

    /**
     * The CA file clients of this image trust under this choice; empty for the system store.
     *
     * @throws ManifestException naming the manifest's {@code trust} when "image" is asked of an image without one
     */
    public Optional<Path> caFile(FirmwareImage image) throws ManifestException {
        if (equals(SYSTEM)) {
            return Optional.empty();
        }
        if (equals(IMAGE)) {
            return Optional.of(image.trustFile().orElseThrow(() -> new ManifestException(
                    image.dir().resolve(ImageManifest.FILE_NAME), 0, "trust", "image " + image.name() + " names no trust file")));
        }
        return Optional.of(Path.of(value));
    }

    /** What clients of this image trust under this choice; a CA file is read as PEM. */
    public Trust resolve(FirmwareImage image) throws ManifestException, IOException {
        Optional<Path> caFile = caFile(image);
        if (caFile.isEmpty()) {
            return Trust.system();
        }
        if (!equals(IMAGE) && !Files.isRegularFile(caFile.get())) {
            throw new IOException("--trust: no such file: " + caFile.get());
        }
        return Trust.caFile(caFile.get());
    }

    @Override
    public String toString() {
        return value;
    }
}
