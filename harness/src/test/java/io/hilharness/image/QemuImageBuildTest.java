package io.hilharness.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU image is built last: its ELF embeds the certificates and content, so they are in the image folder
 * before build.sh runs. The build.sh here is a stand-in that fails unless they are.
 */
class QemuImageBuildTest {
    @TempDir
    Path root;

    @Test
    void theElfIsBuiltFromTheGeneratedCertificatesAndCopiedContent() throws Exception {
        ProjectLayout layout = new ProjectLayout(root);
        Path source = Files.createDirectories(layout.imageSource("qemu-x"));
        Files.writeString(source.resolve(ImageManifest.FILE_NAME), """
                name: qemu-x
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                board: qemu
                pki:
                  kind: selfsigned
                  ips: [127.0.0.1]
                """);
        Files.createDirectories(layout.contentDir());
        Files.writeString(layout.contentDir().resolve("dashboard.html"), "<html></html>");
        Files.createDirectories(layout.qemuBuildScript().getParent());
        Files.writeString(layout.qemuBuildScript(), """
                set -e
                grep -q 'BEGIN CERTIFICATE' "$2"
                test -s "$3"
                test -f "$4/dashboard.html"
                cat "$2" "$3" "$4/dashboard.html" > "$5/qemu-board.elf"
                echo "$5/qemu-board.elf"
                """);

        FirmwareImage image = new ImageBuilder(layout).build("qemu-x");

        assertEquals(layout.builtImage("qemu-x").resolve(FirmwareImage.QEMU_ELF_NAME), image.binary());
        assertTrue(Files.readString(image.binary()).endsWith("<html></html>"), "the stand-in saw every input");
    }
}
