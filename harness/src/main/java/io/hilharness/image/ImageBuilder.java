package io.hilharness.image;

import io.hilharness.certs.CredentialWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns an image source (firmware-images/images/NAME/manifest.yaml) into a flashable image folder:
 * the built firmware binary (the reference firmware, or for {@code board: lwip} the lwIP board built for
 * the manifest's {@code build:} settings), the manifest, the content and freshly generated certificates.
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
        ImageManifest manifest = layout.imageManifest(name);
        Path out = layout.builtImage(name);
        Files.createDirectories(out);
        Path binary = manifest.isLwip() ? new LwipFirmwareBuild(layout.lwipBuildScript()).build(manifest, out)
                : referenceFirmware();
        Files.copy(binary, out.resolve(FirmwareImage.binaryName(manifest)), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(manifestFile, out.resolve(ImageManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        Path contentSource = source.resolve(manifest.contentDir());
        FileTrees.copy(Files.isDirectory(contentSource) ? contentSource : layout.contentDir(), out.resolve(manifest.contentDir()));
        if (manifest.pki() != null && !Files.exists(out.resolve(manifest.certChain()))) {
            generateCertificates(manifest, out);
        }
        return FirmwareImage.load(out);
    }

    private Path referenceFirmware() throws IOException {
        Path binary = layout.firmwareBinary();
        if (!Files.isExecutable(binary)) {
            throw new IOException("firmware not built: " + binary + " is missing (run: make -C " + layout.firmwareDir() + ")");
        }
        return binary;
    }

    private static void generateCertificates(ImageManifest manifest, Path out) throws IOException {
        Path certDir = out.resolve(manifest.certChain()).getParent();
        CredentialWriter.write(ImageCredentials.issue(manifest.name(), manifest.pki()), certDir, false);
    }
}
