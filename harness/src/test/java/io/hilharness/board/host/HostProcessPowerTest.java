package io.hilharness.board.host;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.FirmwareImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference board's power switch tells a firmware process that died by itself (a crash) from one it
 * switched off. The "firmware" here is a shell script that publishes its console as the real one does
 * and then does what the test says, so the process watching is exercised on a real process.
 */
class HostProcessPowerTest {
    private static final Duration DEATH = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private HostProcessPower flashed(String thenDo) throws Exception {
        HostBoardFolder board = new HostBoardFolder(dir);
        Path slot = Files.createDirectories(board.slot("a"));
        Path firmware = slot.resolve(FirmwareImage.BINARY_NAME);
        // Arguments as HostProcessPower passes them: --flash F --board B ...; the console link is B/console.
        // It acts once told to (the file B/act), so it is up, as powerOn waits for, before it dies.
        Files.writeString(firmware, "#!/bin/sh\nln -s /dev/null \"$4/console\"\n"
                + "while [ ! -e \"$4/act\" ]; do sleep 0.05; done\n" + thenDo + "\n");
        Files.setPosixFilePermissions(firmware, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(board.flashLink(), slot);
        return new HostProcessPower(board, 1, Optional.empty());
    }

    @Test
    void aFirmwareThatAbortsIsABoardThatDiedByItselfAndItsConsoleGoesWithIt() throws Exception {
        HostProcessPower power = flashed("kill -ABRT $$");
        power.powerOn();
        Files.createFile(dir.resolve("act"));

        await().atMost(DEATH).until(() -> power.diedByItself().isPresent());
        assertEquals("killed by signal 6 (SIGABRT)", power.diedByItself().orElseThrow());
        assertFalse(power.isOn());
        assertFalse(Files.exists(dir.resolve("console"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "the dead firmware's console link is gone");
        power.powerOff();
        assertTrue(power.diedByItself().isPresent(), "the death is kept until the next power-on");
    }

    @Test
    void aFirmwareThatExitsSaysItsCode() throws Exception {
        HostProcessPower power = flashed("exit 3");
        power.powerOn();
        Files.createFile(dir.resolve("act"));

        await().atMost(DEATH).until(() -> power.diedByItself().isPresent());
        assertEquals("exited with code 3", power.diedByItself().orElseThrow());
    }

    @Test
    void aFirmwareSwitchedOffDidNotDieByItself() throws Exception {
        HostProcessPower power = flashed("exec sleep 600");
        power.powerOn();
        assertTrue(power.isOn());
        power.powerOff();

        assertFalse(power.isOn());
        assertEquals(Optional.empty(), power.diedByItself());
    }
}
