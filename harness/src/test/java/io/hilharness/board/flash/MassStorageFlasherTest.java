package io.hilharness.board.flash;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.BoardException;
import io.hilharness.image.FileTrees;
import io.hilharness.image.FirmwareImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DAPLink drag-and-drop flow against a folder that plays the probe: it takes the file, unmounts
 * (the folder disappears), and remounts (it reappears), with or without FAIL.TXT.
 */
class MassStorageFlasherTest {
    private static final byte[] FIRMWARE = "firmware bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** Waits for the image on the drive, then unmounts and remounts it, leaving {@code failText} if given. */
    private CompletableFuture<byte[]> fakeProbe(Path drive, Optional<String> failText) {
        return CompletableFuture.supplyAsync(() -> {
            Path copied = drive.resolve("firmware.bin");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(copied) && Files.size(copied) == FIRMWARE.length);
            try {
                byte[] received = Files.readAllBytes(copied);
                FileTrees.delete(drive);
                // A remount shows the drive with all its files at once: build it aside, then move it in.
                Path remounted = Files.createDirectory(drive.resolveSibling(drive.getFileName() + ".remount"));
                Files.writeString(remounted.resolve("DETAILS.TXT"), "Version: 0254\nBuild: Nov 27\n");
                if (failText.isPresent()) {
                    Files.writeString(remounted.resolve("FAIL.TXT"), failText.get());
                }
                Files.move(remounted, drive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return received;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Path mountedDrive() throws Exception {
        Path drive = dir.resolve("media/DAPLINK");
        Files.createDirectories(drive);
        Files.writeString(drive.resolve("MBED.HTM"), "<html></html>");
        return drive;
    }

    @Test
    void copiesWaitsForTheRemountAndKeepsDetails() throws Exception {
        Path drive = mountedDrive();
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "firmware.bin", FIRMWARE);
        CompletableFuture<byte[]> probe = fakeProbe(drive, Optional.empty());
        Path logs = dir.resolve("run/tools");

        new MassStorageFlasher(drive, "firmware.bin", Duration.ofSeconds(20), logs).flash(image);

        assertArrayEquals(FIRMWARE, probe.get());
        assertTrue(Files.readString(logs.resolve("flash-mass-storage.DETAILS.TXT")).contains("Version: 0254"));
        assertEquals(FirmwareImage.sha256(image.dir().resolve("firmware.bin")) + "  "
                        + image.dir().resolve("firmware.bin").toAbsolutePath() + "\n",
                Files.readString(logs.resolve("flash-mass-storage.sha256")));
    }

    @Test
    void failTxtBecomesTheError() throws Exception {
        Path drive = mountedDrive();
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "firmware.bin", FIRMWARE);
        fakeProbe(drive, Optional.of("The application file format is unknown and cannot be parsed and/or processed.\r\n"));

        BoardException e = assertThrows(BoardException.class,
                () -> new MassStorageFlasher(drive, "firmware.bin", Duration.ofSeconds(20), dir.resolve("logs")).flash(image));
        assertEquals("the probe rejected the image: FAIL.TXT says: The application file format is unknown and cannot "
                + "be parsed and/or processed.", e.getMessage());
    }

    @Test
    void aDriveThatNeverUnmountsTimesOutAndAMissingDriveIsSaidAtOnce() throws Exception {
        Path drive = mountedDrive();
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "firmware.bin", FIRMWARE);
        BoardException stuck = assertThrows(BoardException.class,
                () -> new MassStorageFlasher(drive, "firmware.bin", Duration.ofSeconds(1), dir.resolve("logs")).flash(image));
        assertEquals("mass-storage drive " + drive + " did not unmount within 1 s after the copy", stuck.getMessage());

        Path absent = dir.resolve("media/NODE_F429ZI");
        BoardException missing = assertThrows(BoardException.class,
                () -> new MassStorageFlasher(absent, "firmware.bin", Duration.ofSeconds(1), dir.resolve("logs")).flash(image));
        assertTrue(missing.getMessage().startsWith("mass-storage drive " + absent + " is not mounted"), missing.getMessage());

        BoardException noFile = assertThrows(BoardException.class,
                () -> new MassStorageFlasher(drive, "other.bin", Duration.ofSeconds(1), dir.resolve("logs")).flash(image));
        assertTrue(noFile.getMessage().startsWith("image test-image has no file "), noFile.getMessage());
    }
}
