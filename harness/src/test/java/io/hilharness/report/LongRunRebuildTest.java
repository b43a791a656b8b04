package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.json.Json;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding the reports of a run longer than memory should hold: what memory keeps is thinned
 * ({@code RoundsInMemory}), what the files say is not.
 */
class LongRunRebuildTest {
    @TempDir
    Path dir;

    /** 15 boots x 10 rounds x 2 connections; the second connection of boot 8 round 5 fails. */
    private final LongJournal journal = new LongJournal(15, 3, 8, 5);

    @Test
    void timelineJsonHasEveryLineOfEveryConnection() throws Exception {
        RunFolder run = journal.write(dir);

        RunReports.rebuild(run);

        JsonNode timeline = Json.mapper().readTree(run.timeline().toFile());
        assertEquals("good", timeline.path("image").asText());
        JsonNode connections = timeline.path("connections");
        assertEquals(2 * journal.rounds(), connections.size());
        for (JsonNode c : connections) {
            JsonNode lines = c.path("deviceLines");
            assertEquals(1, lines.size(), c.path("id").asText());
            assertEquals(3, lines.get(0).path("to").asLong() - lines.get(0).path("from").asLong() + 1, c.path("id").asText());
            assertEquals(3, c.path("deviceFacts").size(), c.path("id").asText());
            assertEquals(timeline.path("chains").get(0).path("sha256"), c.path("peerChainSha256"), c.path("id").asText());
        }
        assertEquals(1, timeline.path("chains").size(), "each chain once");
        assertEquals("SERVER_ALERT", connections.get(2 * (7 * 10 + 4) + 1).path("outcome").asText());
    }

    @Test
    void memoryKeepsLinesOnlyWhereReportsAndDiagnosisReadThem() throws Exception {
        RunFolder run = journal.write(dir);

        RecordedRun recorded = RunReports.rebuild(run);

        Map<String, RoundRecord> rounds = recorded.result().rounds().stream()
                .collect(Collectors.toMap(r -> r.boot() + "." + r.round(), Function.identity()));
        assertEquals(journal.rounds(), rounds.size());
        int sampleRounds = HtmlReport.PASSED_IN_DETAIL / 2;
        assertTrue(whole(rounds.get("1.1")) && whole(rounds.get("1." + sampleRounds)), "the sample of passed connections shown line by line");
        assertFalse(whole(rounds.get("1." + (sampleRounds + 1))), "after it, a passed round far from the failure keeps its client records only");
        assertFalse(whole(rounds.get("15.10")));
        assertEquals(2, rounds.get("15.10").connections().size());
        assertTrue(whole(rounds.get("8.5")), "the failed round");
        assertTrue(whole(rounds.get("8.1")) && whole(rounds.get("8.10")), "its neighbours in the same boot");
        assertEquals(299 + " of " + journal.rounds() * 2, passedOfAll(recorded));

        String html = Files.readString(run.dir().resolve(RunReports.HTML));
        assertTrue(html.contains("299 connections passed; the first " + HtmlReport.PASSED_IN_DETAIL + " are shown line by line"),
                "the count covers thinned rounds too");
        assertTrue(Files.readString(run.summaryText()).contains("total: 149 of 150 rounds ok"), Files.readString(run.summaryText()));
        assertTrue(Files.readString(run.diagnosisText()).contains("1 of 300 connections failed"), Files.readString(run.diagnosisText()));
    }

    @Test
    void hilDiagnoseReadsTheJournalTheSameWay() throws Exception {
        RunFolder run = journal.write(dir);

        Evidence evidence = JournalEvidence.read(run.dir());

        assertEquals(2 * journal.rounds(), evidence.connections().size());
        assertEquals(1, evidence.connections().stream().filter(ConnectionFacts::failed).count());
        Map<String, RoundRecord> rounds = evidence.rounds().stream()
                .collect(Collectors.toMap(r -> r.boot() + "." + r.round(), Function.identity()));
        assertTrue(whole(rounds.get("8.5")) && whole(rounds.get("8.1")) && whole(rounds.get("8.10")), "the failure and its neighbours");
        assertFalse(whole(rounds.get("7.10")), "a neighbour in another boot is not kept");
        assertTrue(whole(rounds.get("1.1")), "the first passed round stays whole: it holds the chain the board served");
        assertFalse(whole(rounds.get("1.2")), "no report shows lines here: passed rounds far from the failure are thinned from the start");
    }

    private static String passedOfAll(RecordedRun recorded) {
        List<RoundRecord> rounds = recorded.result().rounds();
        long all = rounds.stream().mapToLong(r -> r.connections().size()).sum();
        long passed = rounds.stream().flatMap(r -> r.connections().stream())
                .filter(c -> c.client().outcome() == io.hilharness.client.Outcome.OK).count();
        return passed + " of " + all;
    }

    private static boolean whole(RoundRecord round) {
        return round.connections().stream().allMatch(c -> !c.device().isEmpty() && !c.client().peerChain().isEmpty());
    }
}
