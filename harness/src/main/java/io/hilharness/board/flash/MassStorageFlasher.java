package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * DAPLink / Mbed drag-and-drop flashing: copy the image onto the board's USB drive, wait for the drive
 * to go away (the probe programs the target and re-enumerates) and come back. DAPLink then reports a
 * failed programming in {@code FAIL.TXT}, whose text becomes the error; {@code DETAILS.TXT} (probe
 * firmware, target, last result) is kept in the log folder either way.
 */
public final class MassStorageFlasher implements Flasher {
    static final String FAIL_FILE = "FAIL.TXT";
    static final String DETAILS_FILE = "DETAILS.TXT";

    private final Path drive;
    private final String imageFile;
    private final Duration timeout;
    private final Path logDir;

    /**
     * @param drive   the mount point, e.g. /media/lab/DAPLINK (stable name: the volume label)
     * @param timeout for the whole unmount-and-return after the copy
     */
    public MassStorageFlasher(Path drive, String imageFile, Duration timeout, Path logDir) {
        this.drive = drive;
        this.imageFile = imageFile;
        this.timeout = timeout;
        this.logDir = logDir;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        Path file = ImageFiles.resolve(image, imageFile);
        if (!Files.isDirectory(drive)) {
            throw new BoardException("mass-storage drive " + drive + " is not mounted (is the board plugged in?)");
        }
        ImageFiles.recordChecksum(file, logDir, "flash-mass-storage");
        Path parent = drive.toAbsolutePath().getParent();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            // Watch before copying: the drive may vanish and return before we look.
            parent.register(watcher, StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_CREATE);
            copyAndSync(file, drive.resolve(file.getFileName()));
            awaitRemount(watcher);
        } catch (IOException e) {
            throw new BoardException("mass-storage flash to " + drive + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while flashing to " + drive, e);
        }
        keepDetails();
        Path fail = drive.resolve(FAIL_FILE);
        if (Files.exists(fail)) {
            throw new BoardException("the probe rejected the image: " + FAIL_FILE + " says: " + read(fail).strip());
        }
    }

    /** The probe starts programming when the file is closed; the data must be on the drive by then. */
    private static void copyAndSync(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private void awaitRemount(WatchService watcher) throws BoardException, InterruptedException {
        String name = drive.getFileName().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean wentAway = !Files.exists(drive);
        while (true) {
            if (wentAway && Files.isDirectory(drive)) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new BoardException("mass-storage drive " + drive + (wentAway ? " did not come back" : " did not unmount")
                        + " within " + timeout.toSeconds() + " s after the copy");
            }
            // Capped so a mount point that is replaced without an event on its parent is still noticed.
            WatchKey key = watcher.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
            if (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && name.equals(String.valueOf(event.context()))) {
                        wentAway = true;
                    }
                }
                key.reset();
            }
            wentAway |= !Files.exists(drive);
        }
    }

    private void keepDetails() throws BoardException {
        Path details = drive.resolve(DETAILS_FILE);
        if (Files.exists(details)) {
            try {
                Files.createDirectories(logDir);
                Files.copy(details, logDir.resolve("flash-mass-storage." + DETAILS_FILE), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new BoardException("cannot keep " + details + ": " + e.getMessage(), e);
            }
        }
    }

    private static String read(Path file) throws BoardException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BoardException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
