package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void everyRecordIsOneCompleteJsonLineOnDiskAsSoonAsItIsAppended() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = new Journal(file)) {
            journal.append("boot", Map.of("boot", 1));
            // Read back while the journal is still open: nothing may wait in a buffer.
            List<String> lines = Files.readAllLines(file);
            assertEquals(1, lines.size());
            journal.append("round", Map.of("boot", 1, "round", 1, "text", "line\nwith newline"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode round = Json.mapper().readTree(lines.get(1));
        assertEquals("round", round.get("type").asText());
        assertEquals("line\nwith newline", round.get("data").get("text").asText());
    }

    @Test
    void reopeningAppendsInsteadOfTruncating() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = new Journal(file)) {
            journal.append("a", Map.of());
        }
        try (Journal journal = new Journal(file)) {
            journal.append("b", Map.of());
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void runFoldersAreUniqueEvenWithinOneSecond() throws Exception {
        // Both in the same second for sure: a real clock can tick between the two calls.
        java.time.Clock sameSecond = java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T16:48:54Z"),
                java.time.ZoneOffset.UTC);
        RunFolder first = RunFolder.create(dir, "lab ca/x", sameSecond);
        RunFolder second = RunFolder.create(dir, "lab ca/x", sameSecond);
        assertEquals(2, Files.list(dir).count());
        assertEquals(first.dir().getFileName() + "-2", second.dir().getFileName().toString());
        assertEquals(true, first.dir().getFileName().toString().endsWith("lab_ca_x"));
    }
}
