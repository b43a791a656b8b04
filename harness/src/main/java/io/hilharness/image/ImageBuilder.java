package io.hilharness.image;

import io.hilharness.certs.CredentialWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Turns an image source (firmware-images/images/NAME/manifest.yaml) into a flashable image folder:
 * the built firmware binary (the reference firmware, or for {@code board: lwip} the lwIP board built for
 * the manifest's {@code build:} settings, or for {@code board: qemu} the QEMU board's ELF built for those
 * settings with the certificates and content inside), the manifest, the content and freshly generated certificates.
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
        Files.copy(manifestFile, out.resolve(ImageManifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        Path contentSource = source.resolve(manifest.contentDir());
        FileTrees.copy(Files.isDirectory(contentSource) ? contentSource : layout.contentDir(), out.resolve(manifest.contentDir()));
        if (manifest.pki() != null && !Files.exists(out.resolve(manifest.certChain()))) {
            generateCertificates(manifest, out);
        }
        // Last: the QEMU board's ELF embeds the certificates and content copied above.
        Path binary = firmware(manifest, out);
        Path target = out.resolve(FirmwareImage.binaryName(manifest));
        if (!Files.exists(target) || !Files.isSameFile(binary, target)) {
            Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FirmwareImage.load(out);
    }

    private Path firmware(ImageManifest manifest, Path out) throws IOException {
        if (manifest.isLwip()) {
            return FirmwareBuild.lwip(layout.lwipBuildScript()).build(manifest, out, List.of());
        }
        if (manifest.isQemu()) {
            return FirmwareBuild.qemu(layout.qemuBuildScript()).build(manifest, out, List.of(
                    existing(manifest, out, manifest.certChain(), "cert_chain"),
                    existing(manifest, out, manifest.privateKey(), "private_key"),
                    out.resolve(manifest.contentDir()), out));
        }
        return referenceFirmware();
    }

    /** A file the QEMU board links in: without a pki: the image source must bring it. */
    private static Path existing(ImageManifest manifest, Path out, String file, String key) throws IOException {
        Path path = out.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("image " + manifest.name() + ": " + key + " " + file + " is missing in " + out
                    + " (give the manifest a pki: to generate it)");
        }
        return path;
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
