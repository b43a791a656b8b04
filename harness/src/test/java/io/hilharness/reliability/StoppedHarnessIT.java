package io.hilharness.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.report.RunReports;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a campaign: the round in flight finishes, the journal gets its end
 * record, the reports are written, the board is powered off, and hil exits 130.
 */
class StoppedHarnessIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aStopSignalFinishesTheRoundInFlightAndWritesTheReports(String signal) throws Exception {
        Path output = runs.resolve("hil.out");
        Path runsDir = Files.createDirectories(runs.resolve("runs"));
        Process hil = HilProcess.start(layout, output, "run", "--image", "lab-ca", "--trust", "image",
                "--boots", "3", "--rounds", "50", "--runs-dir", runsDir.toString());
        List<ProcessHandle> board;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> HilProcess.records(journalIn(runsDir), "round") >= 2);
            board = hil.descendants().filter(ProcessHandle::isAlive).toList();
            assertFalse(board.isEmpty(), "the campaign powered a reference board");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(hil.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());

            // bounded generously: on a loaded machine the round in flight and the reports take their time
            assertTrue(hil.waitFor(120, TimeUnit.SECONDS), () -> "hil stops after the round in flight:\n" + HilProcess.tail(output));
        } finally {
            hil.destroyForcibly();
        }
        String out = Files.readString(output);
        assertEquals(130, hil.exitValue(), out);
        assertTrue(out.contains("hil: SIG" + signal + ": finishing the round in flight"), out);
        assertTrue(board.stream().noneMatch(ProcessHandle::isAlive), "the board was powered off");

        Path dir = HilProcess.runFolder(runsDir);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("journal.jsonl"))) {
            records.add(Json.mapper().readTree(line)); // every line complete: nothing was cut
        }
        JsonNode end = records.get(records.size() - 1);
        assertEquals("end", end.path("type").asText());
        assertEquals("SIG" + signal, end.path("data").path("stopped").asText());
        List<JsonNode> rounds = records.stream().filter(r -> r.path("type").asText().equals("round")).toList();
        assertTrue(rounds.size() >= 2 && rounds.size() < 150, "rounds journaled: " + rounds.size());
        // The board stayed powered until the round in flight was done: every journaled round passed.
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertTrue(summary.contains("total: " + rounds.size() + " of 150 rounds ok"), summary);
        assertTrue(Files.size(dir.resolve(RunReports.HTML)) > 0);
        assertTrue(Files.size(dir.resolve(RunReports.JUNIT)) > 0);
    }

    private static Path journalIn(Path runs) throws Exception {
        try (var dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).findFirst().map(d -> d.resolve("journal.jsonl"))
                    .orElse(runs.resolve("none"));
        }
    }
}
