package io.hilharness.lwip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.analyze.BootSummary;
import io.hilharness.analyze.LogAnalyzer;
import io.hilharness.analyze.SessionOutcome;
import io.hilharness.analyze.SessionSummary;
import io.hilharness.analyze.SessionTracker;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.LogFormats;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ClientKind;
import io.hilharness.runner.ReferenceBoardRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each lwIP scenario image, one small campaign each: the diagnosis names its root cause as the top
 * finding, citing lwIP's and Mbed TLS's own lines ({@code lwip-good}: no finding), and {@code hil analyze}
 * on the campaign's console capture finds the same sessions, with the same outcomes, as the campaign.
 */
@LwipBoardTest
class LwipScenarioDiagnosisIT {
    @TempDir
    Path runs;

    /**
     * image, client, trust, mode, boots, rounds, expected top rule (null: no finding), a board line the
     * top finding cites. lwip-session-cache fails OkHttp from the 5th round of every boot on (the 5th new
     * session since boot), so each boot needs more rounds than that; lwip-small-heap fails when six connections come at once.
     */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("lwip-good", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 2, null, null),
                Arguments.of("lwip-good", ClientKind.CHROMIUM, "image", FetchMode.SEQUENTIAL, 1, 2, null, null),
                Arguments.of("lwip-selfsigned", ClientKind.OKHTTP, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "mbedtls_ssl_handshake failed"),
                Arguments.of("lwip-selfsigned", ClientKind.CHROMIUM, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "fatal alert message (msg 46)"),
                Arguments.of("lwip-pathlen0", ClientKind.OKHTTP, "image", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "mbedtls_ssl_handshake failed"),
                Arguments.of("lwip-small-heap", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 3,
                        "concurrency", "mbedtls_ssl_setup failed"),
                Arguments.of("lwip-session-cache", ClientKind.OKHTTP, "image", FetchMode.SEQUENTIAL, 2, 8,
                        "leak", "could not allocate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void theDiagnosisNamesTheRootCauseAndAnalyzeFindsTheCampaignsSessions(String image, ClientKind client, String trust,
                                                                          FetchMode mode, int boots, int rounds,
                                                                          String expectedRule, String boardLine) throws Exception {
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(30), Duration.ofSeconds(15));
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs).withClient(client)
                .run(image, spec, TrustOption.parse(trust), new CampaignListener() { }).result();

        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = SummaryTable.render(result) + DiagnosisText.render(d);
            if (expectedRule == null) {
                assertTrue(result.allPassed(), report);
                assertTrue(d.findings().isEmpty(), report);
                continue;
            }
            Finding top = d.top().orElseThrow(() -> new AssertionError(report));
            assertEquals(expectedRule, top.rule(), report);
            assertTrue(top.evidence().stream().anyMatch(e -> e.port() != null
                    && e.deviceLines().stream().anyMatch(l -> l.text().contains(boardLine))),
                    "the top finding cites a connection by port with the board's own '" + boardLine + "'\n" + report);
        }
        assertAnalyzeFindsTheCampaignsSessions(result);
    }

    /**
     * {@code hil analyze console.raw}: one session per connection of the campaign, on its port and boot,
     * completed exactly where the board served the client; the sessions no client of ours explains (a
     * connection the client saw refused) are those the campaign listed as the board's own.
     */
    private static void assertAnalyzeFindsTheCampaignsSessions(CampaignResult result) throws Exception {
        List<SessionSummary> sessions = new ArrayList<>();
        new LogAnalyzer(LogFormats::autoDetect).analyze(result.runDir().resolve("console.raw"), new SessionTracker.Listener() {
            @Override
            public void session(SessionSummary s) {
                sessions.add(s);
            }

            @Override
            public void boot(BootSummary b) {
            }
        }, n -> { });
        Map<String, String> analyzed = new TreeMap<>();
        for (SessionSummary s : sessions) {
            String previous = analyzed.put(s.boot() + ":" + s.port(), s.outcome().name() + " " + s.requests());
            assertEquals(null, previous, "two sessions on boot " + s.boot() + " port " + s.port() + ": " + sessions);
        }
        Map<String, String> campaign = new TreeMap<>();
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                if (c.client().localPort() > 0) {
                    campaign.put(round.boot() + ":" + c.client().localPort(), c.client().outcome().name()
                            + (c.client().exchanges().isEmpty() ? " unused" : ""));
                }
            }
            for (DeviceSession d : round.unmatchedDevice()) {
                campaign.put(round.boot() + ":" + d.port(), "(board only)");
            }
        }
        String both = "analyze: " + analyzed + "\ncampaign: " + campaign;
        assertEquals(campaign.keySet(), analyzed.keySet(), both);
        for (Map.Entry<String, String> e : campaign.entrySet()) {
            String session = analyzed.get(e.getKey());
            boolean served = session.startsWith(SessionOutcome.COMPLETED.name() + " [GET");
            if (e.getValue().equals("(board only)")) {
                continue; // a connection the client did not report (a browser's): the campaign has the board's side only
            }
            if (e.getValue().equals(Outcome.OK.name() + " unused")) {
                // A browser's spare connection, closed unused: nothing served, nothing failed.
                assertTrue(session.equals(SessionOutcome.EOF + " []") || session.equals(SessionOutcome.COMPLETED + " []"),
                        e.getKey() + "\n" + both);
            } else {
                assertEquals(e.getValue().equals(Outcome.OK.name()), served, e.getKey() + "\n" + both);
            }
        }
    }
}
