package io.hilharness.board.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.BoardException;
import io.hilharness.board.serial.SharedPort;
import io.hilharness.board.serial.SocatPty;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleTransport.ControlLine;
import io.hilharness.console.SerialTransport;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flash over the console while the console runs: a U-Boot-like shell on the far end of a pty pair
 * waits for {@code loady}, receives with lrzsz {@code rb}, then reports; the console sees the report.
 */
class SerialBootloaderFlasherTest {
    @TempDir
    Path dir;

    private Process bootloader(Path host, Path into) throws Exception {
        Files.createDirectories(into);
        // A script file, as socat's address syntax gives quotes, commas and parentheses their own meaning.
        // A socketpair on rb's side: on a tty lrzsz flushes its output at exit, dropping its last ACK.
        Path script = dir.resolve("u-boot.sh");
        Files.writeString(script, """
                echo 'U-Boot> '
                read -r cmd
                echo "## Ready for binary (ymodem) download ($cmd)"
                rb -b
                echo "## installed, rb exit $?"
                cat > /dev/null
                """);
        return SocatPty.start(host, into, "sh " + script, dir.resolve("socat.log"));
    }

    @Test
    void ymodemThroughTheBootloaderCommandWhileTheConsoleKeepsCapturing() throws Exception {
        byte[] firmware = new byte[5000];
        new Random(7).nextBytes(firmware);
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "u-boot-app.bin", firmware);
        Path host = dir.resolve("uart");
        Path received = dir.resolve("board");
        Process socat = bootloader(host, received);
        SharedPort port = new SharedPort(SerialTransport.byPath(host));
        try (Console console = Console.open(port, dir.resolve("console.raw")).start()) {
            assertTrue(console.awaitLine(Pattern.compile("U-Boot>"), 0, Duration.ofSeconds(10)).isPresent());
            SerialBootloaderFlasher flasher = new SerialBootloaderFlasher(port,
                    new SerialBootloaderFlasher.EnterSequence(Optional.of("loady"), Optional.empty(), Optional.empty(),
                            Duration.ofMillis(100)), true, "u-boot-app.bin", Duration.ofSeconds(30), dir.resolve("tools"));
            flasher.flash(image);
            assertTrue(console.awaitLine(Pattern.compile("## installed, rb exit 0"), 0, Duration.ofSeconds(10)).isPresent(),
                    () -> "console after the transfer: " + console.tail(5));
            // What the bootloader said during the transfer is in the capture too.
            assertTrue(console.awaitLine(Pattern.compile("## Ready for binary \\(ymodem\\) download \\(loady"), 0,
                    Duration.ofSeconds(1)).isPresent(), () -> "" + console.tail(5));
        } finally {
            SocatPty.stop(socat, host);
        }
        assertArrayEquals(firmware, Files.readAllBytes(received.resolve("u-boot-app.bin")));
        assertTrue(Files.readString(dir.resolve("tools/flash-ymodem.sha256")).startsWith(FirmwareImage.sha256(image.binary()
                .resolveSibling("u-boot-app.bin"))));
    }

    @Test
    void aPinSequenceOnAPortWithoutModemLinesIsAClearError() throws Exception {
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "app.bin", new byte[10]);
        Path host = dir.resolve("uart");
        Process socat = bootloader(host, dir.resolve("board"));
        SharedPort port = new SharedPort(SerialTransport.byPath(host));
        try (Console console = Console.open(port, dir.resolve("console.raw")).start()) {
            assertTrue(console.awaitConnected(Duration.ofSeconds(10)));
            SerialBootloaderFlasher flasher = new SerialBootloaderFlasher(port,
                    new SerialBootloaderFlasher.EnterSequence(Optional.empty(), Optional.of(ControlLine.DTR),
                            Optional.of(ControlLine.RTS), Duration.ofMillis(10)), false, "app.bin", Duration.ofSeconds(5),
                    dir.resolve("tools"));
            BoardException e = assertThrows(BoardException.class, () -> flasher.flash(image));
            assertTrue(e.getMessage().endsWith("failed: DTR is not supported by this port"), e.getMessage());
        } finally {
            SocatPty.stop(socat, host);
        }
    }
}
