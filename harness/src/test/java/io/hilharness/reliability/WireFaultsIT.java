package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.Board;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.HostBoard;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.campaign.RoundClient;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.reliability.FaultyProxy.Fault;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side faults on the wire, injected by a TCP proxy between the OkHttp driver and the reference
 * board: one fault per round of one campaign. Each must be recorded as its outcome, the campaign must
 * go on, and the round after the faults must pass again.
 */
class WireFaultsIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @Test
    void everyWireFaultIsRecordedAsItsOutcomeAndTheCampaignGoesOn() throws Exception {
        // The drip comes last: a round in which every connection times out trips the watchdog, which
        // cannot tell a stalled link from a hung board and ends the boot (see HungBoardIT).
        List<Fault> faults = List.of(Fault.NONE, Fault.RESET_MID_HANDSHAKE, Fault.CLOSE_MID_BODY,
                Fault.GARBAGE_INSTEAD_OF_SERVER_HELLO, Fault.NONE, Fault.SLOW_DRIP);
        FirmwareImage image = new ImageBuilder(layout).build("lab-ca");
        RunFolder run = RunFolder.create(runs, "wire-faults");
        CampaignSpec spec = new CampaignSpec(1, faults.size(), FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of("/dashboard.html", "/style.css"), 1, Duration.ofSeconds(20), Duration.ofSeconds(3));
        CampaignResult result;
        try (Board board = HostBoard.create("reference-wire", run.boardDir(), 0, run.consoleCapture(), Optional.empty());
             FaultyProxy proxy = new FaultyProxy(board.endpoint())) {
            HttpsDriver driver = HttpsDriver.builder("127.0.0.1", proxy.port())
                    .trust(TrustOption.IMAGE.resolve(image))
                    .mode(FetchMode.SEQUENTIAL)
                    .callTimeout(spec.fetchTimeout())
                    .expectedDigests(image.contentDigests())
                    .build();
            Iterator<Fault> next = faults.iterator();
            RoundClient faulty = paths -> {
                proxy.inject(next.next());
                return driver.runRound(paths);
            };
            result = new Campaign(spec, board, image, faulty, run, new CampaignListener() { }).run();
        }

        List<RoundRecord> rounds = result.rounds();
        assertEquals(faults.size(), rounds.size(), "every round ran and was journaled");
        assertEquals(List.of(Outcome.OK, Outcome.OK), outcomes(rounds.get(0)));
        assertEquals(List.of(Outcome.RESET, Outcome.RESET), outcomes(rounds.get(1)), details(rounds.get(1)));
        assertEquals(List.of(Outcome.OK, Outcome.TRUNCATED), outcomes(rounds.get(2)), details(rounds.get(2)));
        assertEquals(List.of(Outcome.ERROR, Outcome.ERROR), outcomes(rounds.get(3)), details(rounds.get(3)));
        assertTrue(details(rounds.get(3)).contains("SSL"), details(rounds.get(3)));
        assertEquals(List.of(Outcome.OK, Outcome.OK), outcomes(rounds.get(4)), "the board is fine once the wire is");
        assertEquals(List.of(Outcome.TIMEOUT, Outcome.TIMEOUT), outcomes(rounds.get(5)), details(rounds.get(5)));

        List<String> journal = Files.readAllLines(run.journal());
        long journaledRounds = 0;
        List<Integer> watchdogRounds = new ArrayList<>();
        for (String line : journal) {
            JsonNode record = Json.mapper().readTree(line);
            journaledRounds += record.path("type").asText().equals("round") ? 1 : 0;
            if (record.path("type").asText().equals("watchdog")) {
                watchdogRounds.add(record.path("data").path("round").asInt());
            }
        }
        assertEquals(faults.size(), journaledRounds);
        assertEquals(List.of(6), watchdogRounds, "only the drip looks like a hung board");
        assertEquals("end", Json.mapper().readTree(journal.get(journal.size() - 1)).path("type").asText());
    }

    private static List<Outcome> outcomes(RoundRecord round) {
        return round.connections().stream().map(CorrelatedConnection::client).map(ConnectionRecord::outcome).toList();
    }

    private static String details(RoundRecord round) {
        List<String> details = new ArrayList<>();
        for (CorrelatedConnection c : round.connections()) {
            details.add(c.client().outcome() + ": " + c.client().outcomeDetail());
        }
        return String.join("; ", details);
    }
}
