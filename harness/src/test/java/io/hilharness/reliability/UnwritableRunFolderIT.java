package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.cli.TestAccess;
import io.hilharness.testing.ReferenceFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run folder that cannot be written (a file where a folder is expected, a read-only kernel file
 * system; chmod does not stop root) is one clear error line and exit 2, before any board is powered.
 */
class UnwritableRunFolderIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void buildFirmware() throws Exception {
        ReferenceFirmware.built();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "file-below", "proc"})
    void anUnwritableRunsDirIsOneErrorLineAndExitTwo(String kind) throws Exception {
        Path file = Files.writeString(dir.resolve("runs"), "not a folder");
        Path runsDir = switch (kind) {
            case "file" -> file;
            case "file-below" -> file.resolve("sub");
            default -> Path.of("/proc/hil-runs-here");
        };
        StringWriter err = new StringWriter();
        CommandLine cli = TestAccess.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("run", "--image", "lab-ca", "--trust", "image", "--boots", "1", "--rounds", "1",
                "--runs-dir", runsDir.toString());

        String message = err.toString();
        assertEquals(2, exit, message);
        assertEquals(1, message.lines().count(), message);
        String expected = "hil: cannot create run folders under " + runsDir + ": ";
        assertTrue(message.startsWith(expected), message);
        String reason = message.strip().substring(expected.length());
        switch (kind) {
            case "file" -> assertEquals("exists and is not a folder", reason);
            case "file-below" -> assertEquals("Not a directory", reason);
            default -> assertTrue(!reason.isBlank() && !reason.equals(runsDir.toString()), "a reason, not just the path: " + reason);
        }
    }
}
