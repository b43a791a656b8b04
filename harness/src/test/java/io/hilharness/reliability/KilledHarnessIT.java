package io.hilharness.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.cli.TestAccess;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.report.RunReports;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The harness killed with SIGKILL in the middle of a campaign: no shutdown hook runs, nothing is
 * flushed. What it finished must still be on disk, the reports must rebuild from it, and the board it
 * powered must not keep running as an orphan.
 */
class KilledHarnessIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @Test
    void sigkillMidCampaignLosesNoFinishedRoundAndLeavesNoOrphanBoard() throws Exception {
        Process hil = HilProcess.start(layout, runs.resolve("hil.out"), "run", "--image", "lab-ca", "--trust", "image",
                "--boots", "3", "--rounds", "50", "--runs-dir", runs.toString());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(runs)
                    && HilProcess.records(journalIn(runs), "round") >= 3);
            List<ProcessHandle> board = hil.descendants().filter(ProcessHandle::isAlive).toList();
            assertFalse(board.isEmpty(), "the campaign powered a reference board");

            hil.destroyForcibly();
            hil.waitFor();

            // Power is cut with the harness: the firmware does not outlive the process that powered it.
            await().atMost(Duration.ofSeconds(10)).until(() -> board.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            hil.destroyForcibly();
        }

        Path dir = HilProcess.runFolder(runs);
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        int rounds = 0;
        for (int i = 0; i < lines.size(); i++) {
            try {
                JsonNode record = Json.mapper().readTree(lines.get(i));
                rounds += record.path("type").asText().equals("round") ? 1 : 0;
            } catch (Exception cut) {
                assertEquals(lines.size() - 1, i, "only the last journal line may be cut short: line " + (i + 1));
            }
        }
        assertTrue(rounds >= 3, "journal holds " + rounds + " finished rounds");

        StringWriter out = new StringWriter();
        CommandLine cli = TestAccess.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("report", dir.toString());

        assertEquals(1, exit, "a run that did not finish is not a pass: " + out);
        assertTrue(out.toString().contains("the run did not finish"), out.toString());
        Matcher total = Pattern.compile("total: (\\d+) of (\\d+) rounds ok").matcher(out.toString());
        assertTrue(total.find(), out.toString());
        assertEquals(150, Integer.parseInt(total.group(2)), "the planned rounds");
        assertEquals(rounds, Integer.parseInt(total.group(1)), "every finished round is reported, and passed");
        RunFolder run = new RunFolder(dir);
        for (Path report : List.of(run.summaryText(), run.summaryJson(), run.timeline(),
                dir.resolve(RunReports.HTML), dir.resolve(RunReports.JUNIT))) {
            assertTrue(Files.size(report) > 0, report.toString());
        }
        String junit = Files.readString(dir.resolve(RunReports.JUNIT));
        // 150 planned test cases; the ones the kill prevented are skipped, not failed.
        assertTrue(junit.contains("tests=\"150\"") && junit.contains("skipped=\"" + (150 - rounds) + "\""),
                junit.lines().limit(4).toList().toString());
    }

    private static Path journalIn(Path runs) throws Exception {
        try (var dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).findFirst().map(d -> d.resolve("journal.jsonl"))
                    .orElse(runs.resolve("none"));
        }
    }
}
