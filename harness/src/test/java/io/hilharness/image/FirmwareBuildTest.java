package io.hilharness.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with a board's build.sh: the header and the image's files as arguments, the firmware's path
 * as the last stdout line, the script's own error line in the message. The scripts here are stand-ins for
 * firmware-images/qemu/build.sh that do only what the contract says.
 */
class FirmwareBuildTest {
    @TempDir
    Path dir;

    private ImageManifest manifest() throws Exception {
        return ImageManifest.read(Files.writeString(dir.resolve("manifest.yaml"), """
                name: qemu-x
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                board: qemu
                build:
                  MEM_SIZE: 400000
                """));
    }

    private Path script(String body) throws IOException {
        return Files.writeString(dir.resolve("build.sh"), "set -e\n" + body);
    }

    @Test
    void theQemuScriptGetsTheHeaderAndTheImagesFilesAndItsLastLineIsTheElf() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path build = script("""
                printf '%s\\n' "$@" > "$5/args"
                cp "$1" "$5/header-seen"
                echo compiling >&2
                printf 'x' > "$5/qemu-board.elf"
                echo "some progress"
                echo "$5/qemu-board.elf"
                """);

        Path elf = FirmwareBuild.qemu(build).build(manifest(), out, List.of(out.resolve("certs/chain.pem"),
                out.resolve("certs/key.pem"), out.resolve("content"), out));

        assertEquals(out.resolve("qemu-board.elf").toAbsolutePath(), elf.toAbsolutePath());
        assertEquals(List.of(out.resolve("qemu-config.h").toAbsolutePath().toString(),
                out.resolve("certs/chain.pem").toAbsolutePath().toString(), out.resolve("certs/key.pem").toAbsolutePath().toString(),
                out.resolve("content").toAbsolutePath().toString(), out.toAbsolutePath().toString()),
                Files.readAllLines(out.resolve("args")));
        assertTrue(Files.readString(out.resolve("header-seen")).contains("#define BOARD_IMAGE_NAME \"qemu-x\""));
        assertEquals("compiling\n", Files.readString(out.resolve("qemu-build.log")));
    }

    @Test
    void theScriptsOwnErrorLineIsTheMessage() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path build = script("""
                echo "cc: noise" >&2
                echo "qemu-board: arm-none-eabi-gcc not found (apt-get install gcc-arm-none-eabi)" >&2
                echo "more noise" >&2
                exit 2
                """);

        IOException e = assertThrows(IOException.class, () -> FirmwareBuild.qemu(build).build(manifest(), out, List.of()));

        assertTrue(e.getMessage().startsWith("building the QEMU board for image qemu-x failed: "
                + "qemu-board: arm-none-eabi-gcc not found (apt-get install gcc-arm-none-eabi) (see "), e.getMessage());
    }

    @Test
    void aLastLineThatIsNoFileAndAMissingScriptAreClearErrors() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));

        IOException noFile = assertThrows(IOException.class,
                () -> FirmwareBuild.qemu(script("echo done\n")).build(manifest(), out, List.of()));
        assertTrue(noFile.getMessage().contains("did not print the path of a file as its last line"), noFile.getMessage());

        IOException missing = assertThrows(IOException.class,
                () -> FirmwareBuild.qemu(dir.resolve("nope.sh")).build(manifest(), out, List.of()));
        assertTrue(missing.getMessage().contains("the QEMU board's build script") && missing.getMessage().contains("is missing"),
                missing.getMessage());
    }
}
