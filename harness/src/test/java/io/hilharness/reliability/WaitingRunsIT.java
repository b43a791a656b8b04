package io.hilharness.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.lab.BoardLock;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --wait} as separate processes competing for one reference board: two waiters run one
 * after the other in the order they came, a third with a short --wait gives up with exit 2 and one
 * line, and a fourth stopped by Ctrl-C while waiting leaves no ticket behind.
 */
class WaitingRunsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static ProjectLayout layout;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitersRunOneAfterTheOtherAndTheImpatientOneGivesUpCleanly() throws Exception {
        Path locks = dir.resolve("locks");
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lock_dir: %s
                boards:
                  ref-1:
                    kind: reference
                    tags: [ref]
                """.formatted(locks));
        Process first;
        Process second;
        Process impatient;
        Process stopped;
        try (BoardLock held = BoardLock.acquire(locks, "ref-1", "a colleague's console")) {
            first = hil("first", lab, "--board", "ref-1", "--wait");
            await().atMost(PATIENCE).until(() -> tickets(locks) == 1);
            second = hil("second", lab, "--boards", "tag:ref", "--count", "1", "--wait");
            await().atMost(PATIENCE).until(() -> tickets(locks) == 2);

            impatient = hil("impatient", lab, "--board", "ref-1", "--wait=2s");
            assertTrue(impatient.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), HilProcess.tail(output("impatient")));
            List<String> said = Files.readAllLines(output("impatient"));
            assertEquals(2, impatient.exitValue(), said.toString());
            List<String> errors = said.stream().filter(l -> l.startsWith("hil:")).toList();
            assertEquals(1, errors.size(), said.toString());
            assertTrue(errors.get(0).startsWith("hil: gave up after 2s waiting for board ref-1: ref-1 locked by "
                    + System.getProperty("user.name") + "@"), errors.get(0));
            assertTrue(errors.get(0).contains(" since "), errors.get(0));
            assertTrue(errors.get(0).contains("(a colleague's console); 2 waiting ahead (first: "), errors.get(0));

            stopped = hil("stopped", lab, "--board", "ref-1", "--wait");
            await().atMost(PATIENCE).until(() -> tickets(locks) == 3);
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(stopped.pid())).inheritIO().start().waitFor());
            assertTrue(stopped.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), HilProcess.tail(output("stopped")));
            String stoppedSaid = Files.readString(output("stopped"));
            assertEquals(130, stopped.exitValue(), stoppedSaid);
            assertTrue(stoppedSaid.contains("stopped by SIGINT while waiting: no board taken, no place left in the line"), stoppedSaid);
            assertEquals(2, tickets(locks), "the stopped waiter's ticket is gone, the others' are not");
        }
        assertTrue(first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), HilProcess.tail(output("first")));
        assertTrue(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), HilProcess.tail(output("second")));
        String firstSaid = Files.readString(output("first"));
        String secondSaid = Files.readString(output("second"));
        assertEquals(0, first.exitValue(), firstSaid);
        assertEquals(0, second.exitValue(), secondSaid);
        assertTrue(firstSaid.contains("waiting for board ref-1: ref-1 locked by "), firstSaid);
        assertTrue(secondSaid.contains("waiting for board ref-1: ref-1 locked by "), secondSaid);
        assertTrue(java.util.regex.Pattern.compile("ref-1 locked by \\S+ pid " + first.pid() + " since ").matcher(secondSaid).find(),
                "the second waited for the first: " + secondSaid);

        Instant[] firstRun = span(dir.resolve("runs-first"));
        Instant[] secondRun = span(dir.resolve("runs-second"));
        assertTrue(!secondRun[0].isBefore(firstRun[1]), "one after the other: " + List.of(firstRun[0], firstRun[1], secondRun[0]));
        assertEquals(0, tickets(locks));
        assertTrue(BoardLock.holder(locks, "ref-1").isEmpty());
    }

    private Process hil(String name, Path lab, String... selection) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--image", "lab-ca", "--trust", "image", "--boots", "1", "--rounds", "2",
                "--lab", lab.toString(), "--runs-dir", dir.resolve("runs-" + name).toString()));
        args.addAll(List.of(selection));
        Process process = HilProcess.start(layout, output(name), args.toArray(String[]::new));
        started.add(process);
        return process;
    }

    private Path output(String name) {
        return dir.resolve(name + ".out");
    }

    private static long tickets(Path locks) throws Exception {
        Path queue = locks.resolve("queue");
        if (!Files.isDirectory(queue)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ticket")).count();
        }
    }

    /** When the one campaign under {@code runs} started and ended, from its journal. */
    private static Instant[] span(Path runs) throws Exception {
        List<String> lines = Files.readAllLines(HilProcess.runFolder(runs).resolve("journal.jsonl"));
        JsonNode start = Json.mapper().readTree(lines.get(0));
        JsonNode end = Json.mapper().readTree(lines.get(lines.size() - 1));
        return new Instant[] {Instant.parse(start.path("data").path("started").asText()),
                Instant.parse(end.path("data").path("at").asText())};
    }
}
