package io.hilharness.image;

import io.hilharness.certs.CredentialWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Turns an image source (firmware-images/images/NAME/manifest.yaml) into a flashable image folder:
 * the built firmware binary, the manifest, the content and freshly generated certificates.
 * Certificates are kept across rebuilds so that trust files handed to clients stay valid.
 */
public final class ImageBuilder {
    private final ProjectLayout layout;

    public ImageBuilder(ProjectLayout layout) {
        this.layout = layout;
    }

    public FirmwareImage build(String name) throws ManifestException, IOException {
        Path source = layout.imageSource(name);
        Path manifestFile = source.resolve(ImageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ManifestException(manifestFile, 0, null,
                    "no such image; known images: " + String.join(", ", layout.imageNames()));
        }
        ImageManifest manifest = ImageManifest.read(manifestFile);
        Path binary = layout.firmwareBinary();
        if (!Files.isExecutable(binary)) {
            throw new IOException("firmware not built: " + binary + " is missing (run: make -C " + layout.firmwareDir() + ")");
        }
        Path out = layout.builtImage(name);
        Files.createDirectories(out);
        Files.copy(binary, out.resolve(FirmwareImage.BINARY_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(manifestFile, out.resolve(ImageManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        Path contentSource = source.resolve(manifest.contentDir());
        copyTree(Files.isDirectory(contentSource) ? contentSource : layout.contentDir(), out.resolve(manifest.contentDir()));
        if (manifest.pki() != null && !Files.exists(out.resolve(manifest.certChain()))) {
            generateCertificates(manifest, out);
        }
        return FirmwareImage.load(out);
    }

    private static void generateCertificates(ImageManifest manifest, Path out) throws IOException {
        Path certDir = out.resolve(manifest.certChain()).getParent();
        CredentialWriter.write(ImageCredentials.issue(manifest.name(), manifest.pki()), certDir, false);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
