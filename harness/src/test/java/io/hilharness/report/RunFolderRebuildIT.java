package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.cli.TestAccess;
import io.hilharness.json.Json;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Run folders of the reference board: the journal refers to console.raw for every round (its lines
 * decode back to exactly what the campaign saw, or it would have kept them whole), stays small, and
 * {@code hil report} rebuilds from journal and capture the very reports the run wrote at its end, also
 * once the folder is compressed.
 */
class RunFolderRebuildIT {
    private static final List<String> REPORTS = List.of("summary.txt", "summary.json", "timeline.json", "junit.xml",
            "diagnosis.txt", "diagnosis.json", RunReports.HTML);

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        ReferenceFirmware.built();
    }

    @Test
    void parallelConnectionsOfLabCa() throws Exception {
        RunFolder run = run("lab-ca", "--trust", "image", "--mode", "parallel", "--rounds", "3");

        assertTrue(Files.size(run.journal()) + Files.size(run.timeline()) + size(run.boardDir()) < Files.size(run.consoleCapture()),
                "journal, timeline and board/ together are smaller than the capture they refer to");
        assertReferredAndRebuilt(run, 3, 4 * 1024);
    }

    @Test
    void rejectedHandshakesOfSelfsigned() throws Exception {
        RunFolder run = run("selfsigned", "--rounds", "2");

        assertReferredAndRebuilt(run, 2, 8 * 1024);
    }

    private RunFolder run(String image, String... options) throws Exception {
        Path dir = runs.resolve(image);
        List<String> args = new ArrayList<>(List.of("run", "--image", image, "--boots", "1", "--runs-dir", dir.toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        CommandLine cli = TestAccess.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(args.toArray(String[]::new));
        assertTrue(exit == 0 || exit == 1, out.toString());
        try (Stream<Path> folders = Files.list(dir)) {
            return new RunFolder(folders.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    private static void assertReferredAndRebuilt(RunFolder run, int rounds, long mostBytesPerConnection) throws Exception {
        Map<String, Integer> records = new LinkedHashMap<>();
        long roundBytes = 0;
        int connections = 0;
        for (String line : Files.readAllLines(run.journal())) {
            JsonNode record = Json.mapper().readTree(line);
            records.merge(record.path("type").asText(), 1, Integer::sum);
            if (record.path("type").asText().equals("round")) {
                roundBytes += line.length() + 1;
                connections += record.path("data").path("connections").size();
            }
            for (JsonNode c : record.path("data").path("connections")) {
                assertTrue(c.has("deviceLines") && !c.has("device") && c.path("client").has("peerChainSha256"), c.toString());
            }
            for (JsonNode s : record.path("data").path("unmatchedDevice")) {
                assertTrue(s.has("deviceLines") && !s.has("events"), s.toString());
            }
        }
        assertEquals(rounds, records.get("round"));
        assertEquals(1, records.get("chain"), "the board's chain, once");
        assertEquals(1, records.get("console"));
        // A run's fixed records (header with the trust anchors, the chain, the diagnosis) do not grow with it,
        // and a round of the parallel mode opens several connections: the bound is a connection's share
        // (issue 27: 8 KB a passing round, 16 KB a failing one, of the demo's two connections a round).
        long perConnection = roundBytes / connections;
        assertTrue(perConnection <= mostBytesPerConnection, perConnection + " bytes a connection");

        Map<String, String> written = reports(run);
        rebuild(run);
        assertEquals(written, reports(run), "hil report rebuilds what the run wrote at its end");

        run.compress();
        rebuild(run);
        assertEquals(written, reports(run), "and so it does from the compressed folder");
    }

    private static void rebuild(RunFolder run) {
        StringWriter out = new StringWriter();
        CommandLine cli = TestAccess.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("report", run.dir().toString());
        assertTrue(exit == 0 || exit == 1, out.toString());
        assertTrue(!out.toString().contains("note:"), out.toString());
    }

    private static Map<String, String> reports(RunFolder run) throws Exception {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String name : REPORTS) {
            reports.put(name, Files.readString(run.dir().resolve(name)));
        }
        return reports;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
