package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.board.serial.SharedPort;
import io.hilharness.board.serial.XmodemSender;
import io.hilharness.console.ConsoleTransport;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Flashes over the console itself: enters the board's bootloader (a console command such as U-Boot's
 * {@code loady}, and/or a reset with a pin held through DTR/RTS), then sends the image by YMODEM or
 * XMODEM-1K. The console's reader is kept off the port meanwhile, so no protocol byte is lost.
 */
public final class SerialBootloaderFlasher implements Flasher {
    /** How to get the board into its receiver. */
    public record EnterSequence(Optional<String> command, Optional<ConsoleTransport.ControlLine> holdLine,
                                Optional<ConsoleTransport.ControlLine> resetLine, Duration pulse) {
    }

    private final SharedPort port;
    private final EnterSequence enter;
    private final boolean ymodem;
    private final String imageFile;
    private final Duration timeout;
    private final Path logDir;

    public SerialBootloaderFlasher(SharedPort port, EnterSequence enter, boolean ymodem, String imageFile,
                                   Duration timeout, Path logDir) {
        this.port = port;
        this.enter = enter;
        this.ymodem = ymodem;
        this.imageFile = imageFile;
        this.timeout = timeout;
        this.logDir = logDir;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        Path file = ImageFiles.resolve(image, imageFile);
        String name = "flash-" + (ymodem ? "ymodem" : "xmodem");
        ImageFiles.recordChecksum(file, logDir, name);
        try {
            byte[] data = Files.readAllBytes(file);
            port.exclusive(link -> {
                enterBootloader(link);
                XmodemSender sender = new XmodemSender(link, timeout, Duration.ofSeconds(10));
                if (ymodem) {
                    sender.sendYmodem(file.getFileName().toString(), data);
                } else {
                    sender.sendXmodem(data);
                }
                return null;
            });
        } catch (IOException e) {
            throw new BoardException(name + " to " + port.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private void enterBootloader(ConsoleTransport link) throws IOException {
        if (enter.holdLine().isPresent() && !link.setControlLine(enter.holdLine().get(), true)) {
            throw new IOException(enter.holdLine().get() + " is not supported by this port");
        }
        try {
            if (enter.resetLine().isPresent()) {
                ConsoleTransport.ControlLine reset = enter.resetLine().get();
                if (!link.setControlLine(reset, true)) {
                    throw new IOException(reset + " is not supported by this port");
                }
                hold(enter.pulse());
                link.setControlLine(reset, false);
            }
            if (enter.command().isPresent()) {
                link.write((enter.command().get() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            // The boot pin only matters at reset; the transfer itself needs it released on most boards.
            enter.holdLine().ifPresent(line -> link.setControlLine(line, false));
        }
    }

    /** The reset pulse's width is the signal itself, not a wait for an event. */
    private static void hold(Duration width) {
        long end = System.nanoTime() + width.toNanos();
        for (long left = width.toNanos(); left > 0; left = end - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
