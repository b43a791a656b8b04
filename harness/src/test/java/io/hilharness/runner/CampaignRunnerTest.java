package io.hilharness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.capture.WireEvidence;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.json.Json;
import io.hilharness.report.RunReports;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.FakeBoard;
import io.hilharness.testing.ManualClock;
import io.hilharness.testing.ScriptedRoundClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner adds to the campaign loop: one diagnosis, journaled and reported alike; its settings. */
class CampaignRunnerTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private RunFolder run;
    private FakeBoard fake;

    @BeforeEach
    void board() throws Exception {
        run = new RunFolder(Files.createDirectories(dir.resolve("run")));
        fake = FakeBoard.builder(run, clock).build();
    }

    @AfterEach
    void powerOff() throws Exception {
        fake.close();
    }

    @Test
    void theOneDiagnosisIsJournaledBeforeTheEndWrittenToItsFilesAndReturned() throws Exception {
        ScriptedRoundClient client = fake.client().thenRound(Outcome.CERT_REJECTED).thenRound(Outcome.CERT_REJECTED);
        CampaignOutcome outcome = runner(RunSettings.defaults()).run(campaign(spec(1, 2), client), spec(1, 2), run, Optional.empty());

        assertFalse(outcome.diagnosis().findings().isEmpty(), "failed rounds are explained");
        List<String> types = types();
        assertEquals(List.of("diagnosis", "end"), types.subList(types.size() - 2, types.size()));
        JsonNode returned = Json.mapper().readTree(Json.mapper().writeValueAsString(outcome.diagnosis()));
        assertEquals(returned, record("diagnosis"));
        assertEquals(returned, Json.mapper().readTree(run.diagnosisJson().toFile()));
        String html = Files.readString(run.dir().resolve(RunReports.HTML));
        assertTrue(html.contains(outcome.diagnosis().findings().get(0).rootCause().substring(0, 20)), "the report shows it");
        for (Path report : List.of(run.summaryText(), run.summaryJson(), run.timeline(), run.diagnosisText(),
                run.dir().resolve(RunReports.JUNIT))) {
            assertTrue(Files.size(report) > 0, report.toString());
        }
        assertEquals(Optional.empty(), outcome.wire(), "no capture, no wire.json");
    }

    @Test
    void theRunsWireJsonIsReadBackForTheDiagnosisAndReturned() throws Exception {
        WireEvidence noCapture = WireEvidence.unavailable("dumpcap is not installed", 8443);
        noCapture.write(run.dir());
        CampaignOutcome outcome = runner(RunSettings.defaults()).run(campaign(spec(1, 1), fake.client()), spec(1, 1), run,
                Optional.empty());

        assertEquals(Optional.of(noCapture), outcome.wire());
    }

    @Test
    void aLongRunKeepsPassedRoundsEvidenceOnlyInTheJournalAndReportsFromIt() throws Exception {
        CampaignOutcome outcome = runner(RunSettings.defaults().asLongRun()).run(campaign(spec(1, 2), fake.client()),
                spec(1, 2), run, Optional.empty());

        for (RoundRecord round : outcome.result().rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertTrue(c.device().isEmpty(), "a passed round's board lines are not kept in memory");
            }
        }
        JsonNode timeline = Json.mapper().readTree(run.timeline().toFile());
        assertEquals(4, timeline.get("connections").size());
        for (JsonNode connection : timeline.get("connections")) {
            assertFalse(connection.get("deviceLines").isEmpty(), "the timeline has them from the journal");
        }
    }

    @Test
    void aCampaignIsLongWhenAskedOrWhenItHasMoreRoundsThanTheLongRunSize() {
        CampaignSpec small = spec(1, 2);
        CampaignSpec big = spec(1, CampaignSpec.LONG_RUN_ROUNDS + 1);
        assertFalse(RunSettings.defaults().isLongRun(small));
        assertTrue(RunSettings.defaults().asLongRun().isLongRun(small));
        assertTrue(RunSettings.defaults().isLongRun(big));
    }

    @Test
    void aDeadlineInTheSettingsEndsTheCampaign() throws Exception {
        RunSettings settings = RunSettings.defaults().timedBy(clock).endingAt(clock.instant().plus(Duration.ofSeconds(1)));
        ScriptedRoundClient client = fake.client().eachRoundTaking(Duration.ofSeconds(1));
        CampaignOutcome outcome = runner(settings).run(campaign(spec(5, 1), client), spec(5, 1), run, Optional.empty());

        assertEquals(1, outcome.result().boots().size());
        assertEquals(1, record("end").get("boots").asInt());
    }

    @Test
    void theStopRequestInTheSettingsEndsTheCampaign() throws Exception {
        RunSettings settings = RunSettings.defaults().timedBy(clock).stoppingOn(() -> Optional.of("SIGTERM"));
        CampaignOutcome outcome = runner(settings).run(campaign(spec(3, 1), fake.client()), spec(3, 1), run, Optional.empty());

        assertTrue(outcome.result().boots().isEmpty(), "stopped before the first boot");
        assertEquals("SIGTERM", record("end").get("stopped").asText());
        assertTrue(Files.size(run.dir().resolve(RunReports.HTML)) > 0, "a stopped campaign has its reports");
    }

    @Test
    void resetsAlternateWhenTheSettingsSaySo() throws Exception {
        CampaignOutcome outcome = runner(RunSettings.defaults().timedBy(clock).withAlternatingResets())
                .run(campaign(spec(3, 1), fake.client()), spec(3, 1), run, Optional.empty());

        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT, ResetKind.HARD),
                outcome.result().boots().stream().map(b -> b.reset()).toList());
    }

    private static CampaignRunner runner(RunSettings settings) {
        return new CampaignRunner(settings);
    }

    private Campaign campaign(CampaignSpec spec, ScriptedRoundClient client) {
        return new Campaign(spec, fake.board(), fake.image(), client, run, new CampaignListener() { });
    }

    private static CampaignSpec spec(int boots, int rounds) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                1, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    private List<String> types() throws IOException {
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(run.journal())) {
            types.add(Json.mapper().readTree(line).get("type").asText());
        }
        return types;
    }

    private JsonNode record(String type) throws IOException {
        JsonNode found = null;
        for (String line : Files.readAllLines(run.journal())) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.get("type").asText().equals(type)) {
                found = record.get("data");
            }
        }
        return found;
    }
}
