package io.hilharness.board.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.BoardException;
import io.hilharness.board.host.FolderFlasher;
import io.hilharness.board.host.HostBoardFolder;
import io.hilharness.board.host.HostProcessPower;
import io.hilharness.board.serial.SharedPort;
import io.hilharness.console.Console;
import io.hilharness.console.SerialTransport;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flash over the console end to end: the reference firmware's {@code bootloader} command receives a new
 * manifest by YMODEM while the harness console keeps running, and the next boot runs the new image.
 */
class SerialBootloaderReferenceIT {
    private static final Duration BOOT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theBootloaderCommandInstallsWhatYmodemSent() throws Exception {
        ProjectLayout layout = ReferenceFirmware.built();
        FirmwareImage image = new ImageBuilder(layout).build("lab-ca");
        HostBoardFolder folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")).toAbsolutePath());
        new FolderFlasher(folder).flash(image);
        HostProcessPower power = new HostProcessPower(folder, freePort(), Optional.empty());
        byte[] manifest = Files.readString(image.dir().resolve("manifest.yaml"))
                .replaceFirst("(?m)^name: .*$", "name: lab-ca-over-serial").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FirmwareImage update = TestImages.withFile(dir.resolve("update"), "manifest.yaml", manifest);
        SharedPort port = new SharedPort(SerialTransport.byPath(folder.consoleLink()));
        try (Console console = Console.open(port, dir.resolve("console.raw")).start()) {
            power.powerOn();
            assertTrue(console.awaitLine(Pattern.compile("httpd ready"), 0, BOOT).isPresent(), () -> "" + console.tail(10));

            new SerialBootloaderFlasher(port, new SerialBootloaderFlasher.EnterSequence(Optional.of("bootloader"),
                    Optional.empty(), Optional.empty(), Duration.ofMillis(100)), true, "manifest.yaml", BOOT,
                    dir.resolve("tools")).flash(update);
            assertTrue(console.awaitLine(Pattern.compile("bootloader: installed manifest.yaml \\(" + manifest.length + " bytes\\)"),
                    0, BOOT).isPresent(), () -> "" + console.tail(10));
            assertArrayEquals(manifest, Files.readAllBytes(folder.flashLink().resolve("manifest.yaml")));

            long mark = console.lastSeq();
            console.send("reboot");
            assertTrue(console.awaitLine(Pattern.compile("boot 2, reset cause: soft, image lab-ca-over-serial"), mark, BOOT)
                    .isPresent(), () -> "" + console.tail(10));
        } finally {
            power.close();
        }
    }

    @Test
    void aNameOutsideTheImageFolderIsRefused() throws Exception {
        ProjectLayout layout = ReferenceFirmware.built();
        HostBoardFolder folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")).toAbsolutePath());
        new FolderFlasher(folder).flash(new ImageBuilder(layout).build("lab-ca"));
        HostProcessPower power = new HostProcessPower(folder, freePort(), Optional.empty());
        FirmwareImage evil = TestImages.withFile(dir.resolve("evil"), ".hidden", new byte[] {1});
        SharedPort port = new SharedPort(SerialTransport.byPath(folder.consoleLink()));
        try (Console console = Console.open(port, dir.resolve("console.raw")).start()) {
            power.powerOn();
            assertTrue(console.awaitLine(Pattern.compile("httpd ready"), 0, BOOT).isPresent());
            SerialBootloaderFlasher flasher = new SerialBootloaderFlasher(port, new SerialBootloaderFlasher.EnterSequence(
                    Optional.of("bootloader"), Optional.empty(), Optional.empty(), Duration.ofMillis(100)), true, ".hidden",
                    BOOT, dir.resolve("tools"));
            BoardException e = org.junit.jupiter.api.Assertions.assertThrows(BoardException.class, () -> flasher.flash(evil));
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertTrue(console.awaitLine(Pattern.compile("bootloader: failed: refused file name '.hidden'"), 0, BOOT).isPresent(),
                    () -> "" + console.tail(10));
        } finally {
            power.close();
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
