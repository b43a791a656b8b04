package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.report.CraftedRun;
import io.hilharness.report.RunReports;
import io.hilharness.run.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void rebuildsEveryReportOfAKilledRunAndExitsWithItsVerdict() throws Exception {
        RunFolder run = new CraftedRun().write(dir);

        StringWriter out = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("report", dir.toString());

        assertEquals(1, exit, "the crafted run has a failed round");
        assertTrue(out.toString().contains("note: journal line 9 is cut short"), out.toString());
        assertTrue(out.toString().contains("total: 2 of 6 rounds ok"), out.toString());
        for (Path report : List.of(run.summaryText(), run.summaryJson(), run.timeline(),
                dir.resolve(RunReports.HTML), dir.resolve(RunReports.JUNIT))) {
            assertTrue(Files.size(report) > 0, report.toString());
        }
        assertTrue(Files.readString(run.summaryText()).contains("BOOT FAILED"));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left behind");
        }
    }

    @Test
    void aBrokenJournalIsOneErrorLineAndExitTwo() throws Exception {
        RunFolder run = new CraftedRun().write(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.journal()));
        lines.set(1, "garbage");
        Files.write(run.journal(), lines);
        StringWriter err = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("report", dir.toString());

        assertEquals(HilCli.EXIT_CONFIG_ERROR, exit);
        String message = err.toString();
        assertTrue(message.startsWith("hil: " + run.journal() + ":2: not a JSON record"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void aMissingFolderIsOneErrorLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("report", dir.resolve("nope").toString());

        assertEquals(HilCli.EXIT_CONFIG_ERROR, exit);
        assertEquals("hil: " + dir.resolve("nope") + ": no such run folder", err.toString().strip());
    }
}
