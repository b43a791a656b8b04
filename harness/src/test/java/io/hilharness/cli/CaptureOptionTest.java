package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hil run --capture} is for the reference board on loopback; lab boards are refused with one line. */
class CaptureOptionTest {
    @TempDir
    Path runs;

    @Test
    void captureOnLabBoardsIsAConfigError() {
        CommandLine cli = HilCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("run", "--image", "lab-ca", "--board", "bench-1", "--capture", "--runs-dir", runs.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--capture works on the reference board only"), err.toString());
        assertTrue(err.toString().lines().count() <= 2, "one clear line: " + err);
    }
}
