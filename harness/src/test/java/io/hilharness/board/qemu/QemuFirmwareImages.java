package io.hilharness.board.qemu;

import io.hilharness.board.flash.TestImages;
import io.hilharness.certs.LabPki;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The QEMU board's real firmware (lwIP httpd over Mbed TLS) for one image name, built with
 * firmware-images/qemu/build.sh and a lab CA issued for 127.0.0.1 (QEMU forwards a loopback port to the board).
 */
final class QemuFirmwareImages {
    static final String PAGE = "/dashboard.html";

    private QemuFirmwareImages() {
    }

    /** An image folder {@code dir/name}: qemu-board.elf, certs/ca.pem, content/dashboard.html. */
    static FirmwareImage build(Path dir, String name) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve(name));
        Path certs = out.resolve("certs");
        var files = LabPki.labCa(name, List.of("127.0.0.1"), List.of()).writeTo(certs, false);
        Path content = Files.createDirectories(out.resolve("content"));
        Files.writeString(content.resolve(PAGE.substring(1)), "<html><body>" + name + "</body></html>\n");
        Path config = Files.writeString(out.resolve("board_config.h"),
                "#define BOARD_IMAGE_NAME \"" + name + "\"\n#define BOARD_DEBUG_THRESHOLD 1\n");
        Path script = ProjectLayout.locate().firmwareDir().resolve("qemu/build.sh");
        Process build = new ProcessBuilder(script.toString(), config.toString(), files.chain().toString(),
                files.key().toString(), content.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            throw new IOException(script + " failed for " + name + ":\n" + said);
        }
        return TestImages.withFile(out, FirmwareImage.QEMU_ELF_NAME, Files.readAllBytes(out.resolve(FirmwareImage.QEMU_ELF_NAME)));
    }
}
