package io.hilharness.board.qemu;

import io.hilharness.board.flash.TestImages;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Image folders holding the small test firmware (test-board.c beside this class): a banner naming the image
 * and its reset cause, "reboot" and "crash" commands. Built with arm-none-eabi-gcc, as the board's real
 * images are, so the board is tested on a genuine ELF without the lwIP image's build time.
 */
final class TestBoardElf {
    private static final List<String> SOURCES = List.of("test-board.c", "test-board.ld");

    private TestBoardElf() {
    }

    /** An image folder {@code dir/name} whose {@link FirmwareImage#QEMU_ELF_NAME} prints "image NAME". */
    static FirmwareImage image(Path dir, String name) throws IOException, InterruptedException {
        Path src = Files.createDirectories(dir.resolve("test-board-src"));
        for (String file : SOURCES) {
            try (InputStream in = TestBoardElf.class.getResourceAsStream(file)) {
                Files.copy(in, src.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path out = Files.createDirectories(dir.resolve(name));
        Path elf = out.resolve(FirmwareImage.QEMU_ELF_NAME);
        Process gcc = new ProcessBuilder("arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb", "-nostdlib", "-g", "-Os",
                "-T", src.resolve("test-board.ld").toString(), "-DIMAGE_NAME=\"" + name + "\"",
                "-o", elf.toString(), src.resolve("test-board.c").toString())
                .redirectErrorStream(true).start();
        String said = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IOException("arm-none-eabi-gcc failed: " + said);
        }
        return TestImages.withFile(out, FirmwareImage.QEMU_ELF_NAME, Files.readAllBytes(elf));
    }
}
