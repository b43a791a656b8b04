package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.report.RunReports;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil soak} in its short form: the periodic lines, the summary with a verdict that matches the
 * exit code, reboots alternating soft and hard, and a normal run folder whose reports cover every boot
 * the soak ran (not the upper bound the deadline cut short).
 */
class SoakIT {
    /** elapsed, boots, rounds, failed, heap MB, fds, threads */
    private static final Pattern SAMPLE = Pattern.compile("^(\\d+m\\d\\ds)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d)\\s+(\\d+)\\s+(\\d+)$",
            Pattern.MULTILINE);

    private static ProjectLayout layout;

    @TempDir
    Path work;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @Test
    void aShortSoakPrintsItsSamplesAndAVerdictAndWritesARunFolder() throws Exception {
        Path output = work.resolve("hil.out");
        Path runs = Files.createDirectories(work.resolve("runs"));
        Process hil = HilProcess.start(layout, output, "soak", "--duration", "15s", "--print-every", "3s",
                "--rounds-per-boot", "3", "--round-interval", "300", "--runs-dir", runs.toString());
        try {
            assertTrue(hil.waitFor(120, TimeUnit.SECONDS), "the soak ends after its duration");
        } finally {
            hil.destroyForcibly();
        }
        String out = Files.readString(output);

        List<Matcher> samples = new ArrayList<>();
        Matcher m = SAMPLE.matcher(out);
        while (m.find()) {
            samples.add(SAMPLE.matcher(m.group()));
            samples.get(samples.size() - 1).matches();
        }
        // The first sample at 0 s, one every 3 s for at least 15 s, and one at the end.
        assertTrue(samples.size() >= 6, out);
        Matcher last = samples.get(samples.size() - 1);
        int boots = Integer.parseInt(last.group(2));
        int rounds = Integer.parseInt(last.group(3));
        assertTrue(boots >= 2, out);
        assertEquals(boots * 3, rounds, "every boot ran all its rounds: " + out);
        assertTrue(Integer.parseInt(last.group(6)) > 0 && Integer.parseInt(last.group(7)) > 0, out);
        assertTrue(out.contains("soak summary: "), out);
        assertTrue(out.contains(boots + " boots ("), out);
        assertTrue(Pattern.compile("^  fds\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+[+-]\\d+\\s+4\\s+(flat|GROWING)$", Pattern.MULTILINE)
                .matcher(out).find(), out);
        boolean flat = out.contains("verdict: FLAT");
        assertTrue(flat || out.contains("verdict: GROWING"), out);
        boolean passed = out.contains("total: " + rounds + " of " + rounds + " rounds ok");
        assertEquals(flat && passed ? 0 : 1, hil.exitValue(), out);

        Path dir = HilProcess.runFolder(runs);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("journal.jsonl"))) {
            records.add(Json.mapper().readTree(line));
        }
        List<String> resets = records.stream().filter(r -> r.path("type").asText().equals("boot"))
                .map(r -> r.path("data").path("reset").asText()).toList();
        assertEquals(boots, resets.size());
        for (int b = 0; b < resets.size(); b++) {
            // boot 1 is the power-on after flashing; then soft and hard in turn
            assertEquals(b % 2 == 0 ? "HARD" : "SOFT", resets.get(b), "boot " + (b + 1) + " of " + resets);
        }
        JsonNode end = records.get(records.size() - 1);
        assertEquals("end", end.path("type").asText());
        assertEquals(boots, end.path("data").path("boots").asInt());
        // The reports are built from the journal and cover the boots run, not the deadline's bound.
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("total: " + rounds + " of " + rounds + " rounds"));
        String junit = Files.readString(dir.resolve(RunReports.JUNIT));
        assertTrue(junit.contains("tests=\"" + rounds + "\""), junit.substring(0, Math.min(400, junit.length())));
        assertTrue(Files.readString(dir.resolve(RunReports.HTML)).contains(rounds + " of " + rounds + " rounds ok"));
    }
}
