package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.cli.TestAccess;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image {@code hang} stops answering after its 6th connection since boot (2 per round: round 4
 * hangs). The watchdog must notice, power-cycle the board, journal why, and go on; a board that does
 * not come back from the power cycle ends the campaign with a clear reason.
 */
class HungBoardIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private static CampaignSpec spec(int boots, int rounds) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                1, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void aHungBoardIsPowerCycledByTheWatchdogAndTheCampaignGoesOn() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .run("hang", spec(2, 6), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertEquals(1, result.exitCode());
        assertEquals(2, result.boots().size());
        assertTrue(result.boots().stream().allMatch(BootRecord::ready));
        assertEquals(ResetKind.HARD, result.boots().get(1).reset(), "the boot after the hang is a power cycle");
        assertEquals("power-on", result.boots().get(1).resetCause());
        // Rounds 1-3 pass, round 4 times out, rounds 5-6 are skipped: they could only time out too.
        for (int boot = 1; boot <= 2; boot++) {
            List<RoundRecord> rounds = roundsOf(result, boot);
            assertEquals(4, rounds.size());
            assertTrue(rounds.subList(0, 3).stream().allMatch(RoundRecord::ok));
            assertTrue(rounds.get(3).allTimedOut());
            assertTrue(rounds.get(3).connections().stream().allMatch(c -> c.client().outcome() == Outcome.TIMEOUT));
        }
        List<JsonNode> watchdog = records(result.runDir(), "watchdog");
        assertEquals(2, watchdog.size());
        assertEquals(4, watchdog.get(0).path("round").asInt());
        assertTrue(watchdog.get(0).path("action").asText().startsWith("power cycle"));
        JsonNode end = records(result.runDir(), "end").get(0);
        assertFalse(end.has("aborted"), end.toString());
        // The reports the campaign wrote say so, as hil report's would, and name the rounds not run.
        JsonNode summary = Json.mapper().readTree(result.runDir().resolve("summary.json").toFile());
        assertTrue(summary.path("notes").toString().contains("watchdog: boot 1 round 4"), summary.toString());
        assertTrue(Files.readString(result.runDir().resolve("junit.xml")).contains("went on to the next boot"));
    }

    @Test
    void aBoardThatDoesNotComeBackFromThePowerCycleEndsTheCampaignWithTheReason() throws Exception {
        // While the board hangs its flash goes bad (here: the key file is truncated), so the power
        // cycle brings up a board that logs its error and never gets ready.
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        CampaignListener printer = TestAccess.progressLines(new PrintStream(terminal, true, StandardCharsets.UTF_8), "hang");
        CampaignListener flashGoesBad = new CampaignListener() {
            @Override
            public void bootDone(BootRecord boot) {
                printer.bootDone(boot);
            }

            @Override
            public void watchdogTripped(int boot, int round, String reason, String action) {
                printer.watchdogTripped(boot, round, reason, action);
            }

            @Override
            public void campaignEndedEarly(String reason) {
                printer.campaignEndedEarly(reason);
            }

            @Override
            public void roundDone(RoundRecord round) {
                printer.roundDone(round);
                if (round.allTimedOut()) {
                    try {
                        Files.writeString(runFolder().resolve("board/flash/certs/key.pem"), "-----BEGIN");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        CampaignResult result = new ReferenceBoardRunner(layout, runs).run("hang", spec(3, 5), TrustOption.IMAGE, flashGoesBad).result();

        assertEquals(1, result.exitCode());
        assertEquals(2, result.boots().size(), "no third boot after the board failed to come back");
        assertFalse(result.boots().get(1).ready());
        assertEquals(ResetKind.HARD, result.boots().get(1).reset());
        assertEquals(4, result.rounds().size());
        JsonNode end = records(result.runDir(), "end").get(0);
        String aborted = end.path("data").path("aborted").asText();
        assertTrue(aborted.startsWith("board did not come back after a watchdog power cycle: no ready line"), aborted);
        assertTrue(aborted.contains("private key load failed"), "the reason carries the board's last words: " + aborted);
        // The operator sees it live, where the progress goes, not only in the report.
        String printed = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[hang] WATCHDOG boot 1 round 4: every connection of the round timed out: the board hangs; "
                + "power cycle before the next boot"), printed);
        assertTrue(printed.contains("[hang] CAMPAIGN ENDED EARLY: " + aborted + System.lineSeparator()), printed);
        assertTrue(printed.indexOf("WATCHDOG") < printed.indexOf("CAMPAIGN ENDED EARLY"), printed);
    }

    private Path runFolder() throws IOException {
        try (var dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static List<RoundRecord> roundsOf(CampaignResult result, int boot) {
        return result.rounds().stream().filter(r -> r.boot() == boot).toList();
    }

    private static List<JsonNode> records(Path runDir, String type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("journal.jsonl"))) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.path("type").asText().equals(type)) {
                found.add(type.equals("watchdog") ? record.path("data") : record);
            }
        }
        return found;
    }
}
