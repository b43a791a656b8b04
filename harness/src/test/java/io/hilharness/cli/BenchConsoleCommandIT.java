package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.testing.ReferenceFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hil bench console} end to end with a small flood on the real reference board: every byte
 * and line the firmware wrote reached the harness, in both readers (timings are not checked).
 */
class BenchConsoleCommandIT {
    @TempDir
    Path dir;

    @Test
    void harnessAndBareReaderBothGetEveryFloodByte() throws Exception {
        ReferenceFirmware.built();
        StringWriter out = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("bench", "console", "--bytes", "200k", "--dir", dir.toString());

        String table = out.toString();
        assertEquals(0, exit, table);
        Matcher harness = Pattern.compile("\\| harness console .*\\| ([0-9]+) / ([0-9]+) \\| ([0-9]+) / ([0-9]+) \\|").matcher(table);
        assertTrue(harness.find(), table);
        assertEquals(harness.group(2), harness.group(1), "flood bytes in console.raw vs written");
        assertEquals(harness.group(4), harness.group(3), "parsed flood lines vs written");
        assertTrue(Long.parseLong(harness.group(2)) >= 200 * 1024, table);
        Matcher bare = Pattern.compile("\\| bare jSerialComm .*\\| ([0-9]+) / ([0-9]+) \\| n/a / [0-9]+ \\|").matcher(table);
        assertTrue(bare.find(), table);
        assertEquals(bare.group(2), bare.group(1), "bare loop bytes vs written");
        assertTrue(table.contains("console.raw identical to the firmware's tee: yes"), table);
        assertTrue(Files.size(dir.resolve("console.raw")) > 200 * 1024);
    }
}
