package io.hilharness.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.lab.BoardLock;
import io.hilharness.report.RunReports;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a run on several lab boards at once (two reference boards from a lab config): every
 * board's round in flight finishes and is journaled, every board gets its reports, the boards are
 * powered off, hil exits 130, and each board's lock is free for the next run at once.
 */
class StoppedLabBoardsIT {
    private static final List<String> BOARDS = List.of("ref-1", "ref-2");
    private static ProjectLayout layout;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @Test
    void ctrlCOnAMultiBoardRunFinishesEveryBoardsRoundAndReleasesEveryLock() throws Exception {
        Path locks = dir.resolve("locks");
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lock_dir: %s
                boards:
                  ref-1:
                    kind: reference
                    tags: [ref]
                  ref-2:
                    kind: reference
                    tags: [ref]
                """.formatted(locks));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path output = dir.resolve("hil.out");
        Process hil = HilProcess.start(layout, output, "run", "--image", "lab-ca", "--trust", "image",
                "--boots", "3", "--rounds", "50", "--boards", "tag:ref", "--lab", lab.toString(), "--runs-dir", runs.toString());
        List<ProcessHandle> boards;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> boardFolders(runs).size() == 2
                    && boardFolders(runs).stream().allMatch(d -> HilProcess.records(d.resolve("journal.jsonl"), "round") >= 2));
            boards = hil.descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(boards.size() >= 2, "both reference boards are powered: " + boards);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(hil.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            // bounded generously: on a loaded machine the rounds in flight and the reports take their time
            assertTrue(hil.waitFor(120, TimeUnit.SECONDS), () -> "hil stops after the rounds in flight:\n" + HilProcess.tail(output));
        } finally {
            hil.destroyForcibly();
        }
        String out = Files.readString(output);
        assertEquals(130, hil.exitValue(), out);
        assertTrue(out.contains("hil: SIGINT: finishing the round in flight"), out);
        assertTrue(out.contains("stopped by SIGINT"), out);
        assertTrue(boards.stream().noneMatch(ProcessHandle::isAlive), "every board was powered off");

        List<Path> folders = boardFolders(runs);
        assertEquals(2, folders.size(), folders.toString());
        for (Path folder : folders) {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("journal.jsonl"))) {
                records.add(Json.mapper().readTree(line)); // every line whole: no round was cut off
            }
            JsonNode end = records.get(records.size() - 1);
            assertEquals("end", end.path("type").asText(), folder.toString());
            assertEquals("SIGINT", end.path("data").path("stopped").asText());
            long rounds = records.stream().filter(r -> r.path("type").asText().equals("round")).count();
            assertTrue(rounds >= 2 && rounds < 150, folder + ": " + rounds + " rounds");
            // The boards stayed powered until their round in flight was done: every journaled round passed.
            String summary = Files.readString(folder.resolve("summary.txt"));
            assertTrue(summary.contains("total: " + rounds + " of 150 rounds ok"), summary);
            assertTrue(Files.size(folder.resolve(RunReports.HTML)) > 0);
            assertTrue(Files.size(folder.resolve(RunReports.JUNIT)) > 0);
        }
        try (Stream<Path> all = Files.list(runs)) {
            assertTrue(all.anyMatch(d -> d.getFileName().toString().contains("boards-tag_ref")), "the combined summary was written");
        }

        // The next run can lock every board right away.
        for (String board : BOARDS) {
            assertFalse(BoardLock.holder(locks, board).isPresent(), board + " is still held");
            // acquire fails at once with BoardBusyException if anyone still holds the board
            BoardLock.acquire(locks, board, "the next run").close();
        }
    }

    private static List<Path> boardFolders(Path runs) throws Exception {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches(".*-ref-\\d-lab-ca(-\\d+)?"))
                    .sorted().toList();
        }
    }
}
