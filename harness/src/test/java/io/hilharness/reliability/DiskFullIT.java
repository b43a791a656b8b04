package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full for real: the runs folder is a small tmpfs. Too little space is refused before a board is
 * powered; a disk that fills mid-campaign stops the campaign with one line, and the journal is whole up
 * to its last record, so the reports can be rebuilt elsewhere.
 */
class DiskFullIT {
    private static final Pattern STOPPED = Pattern.compile(
            "^hil: cannot write the (journal|console capture) \\S+: No space left on device; the campaign stopped: "
                    + "the journal holds (\\d+) boots and (\\d+) rounds \\(hil report (\\S+) rebuilds the reports once there is space\\)$",
            Pattern.MULTILINE);

    private static ProjectLayout layout;

    @TempDir
    Path work;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @Test
    void almostNoFreeSpaceIsRefusedBeforeTheCampaignStarts() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(work.resolve("small"), "4m")) {
            Path output = work.resolve("hil.out");
            Process hil = HilProcess.start(layout, output, "run", "--image", "good", "--trust", "image",
                    "--boots", "1", "--rounds", "1", "--runs-dir", disk.dir().toString());
            assertTrue(hil.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(output);
            assertEquals(2, hil.exitValue(), out);
            assertEquals(List.of("hil: not enough free space for a run under " + disk.dir() + ": 4.0 MB free, a campaign needs at least "
                    + RunFolder.MIN_FREE_BYTES / (1024 * 1024) + " MB"), out.lines().toList());
            try (Stream<Path> left = Files.list(disk.dir())) {
                assertEquals(0, left.count(), "no run folder was made");
            }
        }
    }

    @Test
    void aDiskThatFillsMidCampaignStopsItCleanlyWithTheJournalIntact() throws Exception {
        Path output = work.resolve("hil.out");
        Path runDir;
        int boots;
        int rounds;
        try (SmallDisk disk = SmallDisk.mount(work.resolve("small"), "12m")) {
            // Six connections at once: the console fills the disk fastest (the journal only refers to it).
            Process hil = HilProcess.start(layout, output, "run", "--image", "good", "--trust", "image", "--mode", "parallel",
                    "--boots", "4", "--rounds", "100", "--runs-dir", disk.dir().toString());
            try {
                assertTrue(hil.waitFor(90, TimeUnit.SECONDS), "the campaign stops when the disk is full");
            } finally {
                hil.destroyForcibly();
            }
            String out = Files.readString(output);
            assertEquals(2, hil.exitValue(), out);
            Matcher stopped = STOPPED.matcher(out);
            assertTrue(stopped.find(), out);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), "no stack trace: " + out);
            assertEquals(1, out.lines().filter(l -> l.startsWith("hil: ")).count(), out);
            boots = Integer.parseInt(stopped.group(2));
            rounds = Integer.parseInt(stopped.group(3));
            runDir = Path.of(stopped.group(4));
            assertTrue(rounds >= 1, "the campaign ran until the disk was full: " + out);

            // Every journal line is a whole record: the write that failed was cut back off.
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(runDir.resolve("journal.jsonl"))) {
                records.add(Json.mapper().readTree(line));
            }
            assertEquals(boots, records.stream().filter(r -> r.path("type").asText().equals("boot")).count());
            assertEquals(rounds, records.stream().filter(r -> r.path("type").asText().equals("round")).count());
            JsonNode last = records.get(records.size() - 1);
            if (last.path("type").asText().equals("end")) {
                assertTrue(last.path("data").path("aborted").asText().startsWith("run folder full or unwritable: "), last.toString());
            }

            // On the full disk, hil report fails with one line naming the folder.
            Path reportOut = work.resolve("report-full.out");
            Process report = HilProcess.start(layout, reportOut, "report", runDir.toString());
            assertTrue(report.waitFor(60, TimeUnit.SECONDS));
            String reportText = Files.readString(reportOut);
            assertEquals(2, report.exitValue(), reportText);
            assertTrue(reportText.startsWith("hil: cannot write the reports into " + runDir + ": No space left on device"), reportText);
            assertEquals(1, reportText.lines().count(), reportText);

            // Elsewhere, with space, the same journal gives the reports of every round it holds.
            Path copy = Files.createDirectories(work.resolve("copy"));
            Files.copy(runDir.resolve("journal.jsonl"), copy.resolve("journal.jsonl"));
            Files.copy(runDir.resolve("console.raw"), copy.resolve("console.raw"));
            runDir = copy;
        }
        Path reportOut = work.resolve("report.out");
        Process report = HilProcess.start(layout, reportOut, "report", runDir.toString());
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        String reportText = Files.readString(reportOut);
        assertEquals(1, report.exitValue(), "not every planned round ran: " + reportText);
        assertTrue(reportText.contains("total: " + rounds + " of 400 rounds ok"), reportText);
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")));
    }
}
