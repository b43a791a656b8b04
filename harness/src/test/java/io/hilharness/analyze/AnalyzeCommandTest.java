package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.cli.HilCli;
import io.hilharness.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hil analyze} end to end on the real capture: text, JSON lines and a journal join. */
class AnalyzeCommandTest {

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new HilCli()).execute(args);
            assertEquals(0, exit);
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textListsSessionsPerBootWithCounts() {
        String out = run("analyze", FixtureSessionsTest.fixture("refboard-mbedtls-ports.log").toString());
        assertTrue(out.contains("port 49590  ALERT_RECEIVED unknown_ca (-0x7780)"), out);
        assertTrue(out.contains("boot 1: 1958 lines, 4 sessions: 2 COMPLETED, 1 ALERT_RECEIVED, 1 EOF"), out);
        assertTrue(out.contains("format mbedtls, 3896 lines"), out);
    }

    @Test
    void aPipeIsReadToItsEnd(@TempDir Path dir) throws Exception {
        // hil analyze <(zcat log.gz): a named pipe has no size to read by.
        Path fifo = dir.resolve("log.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        byte[] log = Files.readAllBytes(FixtureSessionsTest.fixture("refboard-mbedtls-ports.log"));
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, log);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        String out = run("analyze", fifo.toString());
        writer.join();
        assertTrue(out.contains("boot 1: 1958 lines, 4 sessions: 2 COMPLETED, 1 ALERT_RECEIVED, 1 EOF"), out);
        assertTrue(out.contains("format mbedtls, 3896 lines, " + log.length + " bytes"), out);
    }

    @Test
    void jsonLinesWithAJournalJoinByOrderWhenThereAreNoPorts(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        StringBuilder sb = new StringBuilder("{\"type\":\"campaign\",\"data\":{\"image\":\"lab-ca\"}}\n");
        String[] outcomes = {"OK", "SERVER_ALERT", "ERROR", "OK"};
        for (int i = 0; i < outcomes.length; i++) {
            sb.append("{\"type\":\"round\",\"data\":{\"boot\":1,\"round\":").append(i + 1)
                    .append(",\"connections\":[{\"client\":{\"id\":\"c").append(i + 1)
                    .append("\",\"localPort\":").append(50000 + i).append(",\"start\":\"2026-01-01T00:00:0").append(i)
                    .append("Z\",\"outcome\":\"").append(outcomes[i]).append("\"}}]}}\n");
        }
        Files.writeString(journal, sb);
        String out = run("analyze", "--json", "--journal", journal.toString(),
                FixtureSessionsTest.fixture("refboard-mbedtls-noports.log").toString());
        List<JsonNode> joins = new ArrayList<>();
        for (String line : out.split("\n")) {
            JsonNode n = Json.mapper().readTree(line);
            if (n.path("type").asText().equals("join")) {
                joins.add(n.path("data"));
            }
        }
        assertEquals(4, joins.size(), out);
        assertEquals("ssl 0x7f1a3c000d50 #2", joins.get(1).path("session").path("key").asText());
        assertEquals("ALERT_RECEIVED", joins.get(1).path("session").path("outcome").asText());
        assertEquals(0.9, joins.get(0).path("confidence").asDouble());
    }

    /** Other JSON-lines files, and files that are not there, are one line naming what is wrong. */
    @Test
    void whatIsNoJournalIsAnErrorNotAnEmptyJoin(@TempDir Path dir) throws Exception {
        String log = FixtureSessionsTest.fixture("refboard-mbedtls-noports.log").toString();
        Path other = Files.writeString(dir.resolve("other.jsonl"), "{\"a\":1}\n");
        Path badRound = Files.writeString(dir.resolve("journal.jsonl"),
                "{\"type\":\"campaign\",\"data\":{}}\n{\"type\":\"round\",\"data\":{\"connections\":\"nope\"}}\n{}\n");

        assertEquals(other + ":1: field 'type': not a campaign's journal: the first record must be the campaign header, not ''",
                fails("analyze", "--journal", other.toString(), log));
        String notAList = fails("analyze", "--journal", badRound.toString(), log);
        assertTrue(notAList.startsWith(badRound + ":2: 'round' record: field 'connections': "), notAList);
        assertEquals("hil: " + dir.resolve("nope.jsonl") + ": no journal: not a run folder, or the run never started",
                fails("analyze", "--journal", dir.resolve("nope.jsonl").toString(), log));
    }

    /** The one line a failing command prints, its exit code checked to be 2. */
    private static String fails(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = io.hilharness.cli.TestAccess.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        assertEquals(2, cli.execute(args), err.toString());
        return err.toString().strip().replaceFirst("^hil: (?=/.*:[0-9]+: )", "");
    }
}
