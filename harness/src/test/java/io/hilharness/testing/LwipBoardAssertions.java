package io.hilharness.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.analyze.BootSummary;
import io.hilharness.analyze.LogAnalyzer;
import io.hilharness.analyze.SessionOutcome;
import io.hilharness.analyze.SessionSummary;
import io.hilharness.analyze.SessionTracker;
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
import io.hilharness.json.Json;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a campaign on a board running lwIP's own httpd (the lwIP board, the emulated Cortex-M board) must
 * show, read from the campaign's result and its run folder only.
 */
public final class LwipBoardAssertions {
    private LwipBoardAssertions() {
    }

    /**
     * What this side guarantees for the join by port: every connection a client opened is recorded with
     * its local port, and lwIP's own TCP_DEBUG line for that port is in the console capture.
     */
    public static void everyClientPortIsOnTheBoardsConsole(CampaignResult result) throws Exception {
        String console = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                int port = c.client().localPort();
                assertTrue(port > 0, "a client connection without its local port: " + c.client());
                assertTrue(console.contains("connection request " + port + " -> 443"),
                        "lwIP's TCP_DEBUG line for port " + port + " is not in console.raw");
            }
        }
    }

    /**
     * The board's network did not change under the browser: no round's NetLog has Chromium seeing the host's
     * addresses change, which makes it drop the page's connections (ERR_NETWORK_CHANGED).
     */
    public static void theBrowserSawNoNetworkChange(CampaignResult result) throws Exception {
        List<Path> netLogs;
        try (Stream<Path> files = Files.walk(result.runDir().resolve("chromium"))) {
            netLogs = files.filter(f -> f.getFileName().toString().equals("netlog.json")).sorted().toList();
        }
        assertEquals(result.rounds().size(), netLogs.size(), "one NetLog per round: " + netLogs);
        for (Path netLog : netLogs) {
            JsonNode log = Json.mapper().readTree(netLog.toFile());
            JsonNode changed = log.path("constants").path("logEventTypes").path("NETWORK_IP_ADDRESSES_CHANGED");
            assertTrue(changed.isInt(), "Chromium's NetLog names the event: " + netLog);
            for (JsonNode event : log.path("events")) {
                assertTrue(event.path("type").asInt() != changed.asInt(), "the host's addresses changed during " + netLog);
            }
        }
    }

    /** Every connection has board lines joined by its port, and only its own; no board session is left over. */
    public static void everyConnectionIsJoinedByPort(CampaignResult result) throws Exception {
        everyClientPortIsOnTheBoardsConsole(result);
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertFalse(c.device().isEmpty(), "no board lines joined for port " + c.client().localPort());
                assertTrue(c.device().stream().allMatch(e -> e.port() == null || e.port() == c.client().localPort()),
                        () -> "lines of another port joined to " + c.client().localPort() + ": " + c.device());
            }
            assertTrue(round.sessionsNoClientOpened().isEmpty(), "board sessions no client opened: " + round.unmatchedDevice());
            for (DeviceSession late : round.unmatchedDevice()) {
                // Lines that arrive after their round was journaled (lwIP's tcp_pcb_purge once the client's FIN is
                // in) belong to the round before's connection on their port.
                assertTrue(round.round() > 1 && result.rounds().stream().filter(r -> r.boot() == round.boot()
                        && r.round() == round.round() - 1).flatMap(r -> r.connections().stream())
                        .anyMatch(c -> c.client().id().equals(late.lateFor()) && c.client().localPort() == late.port()),
                        () -> "late lines of a connection not of the round before: " + late);
            }
        }
    }

    /**
     * The diagnosis, live and from the journal, names {@code expectedRule} as its top finding and cites a
     * connection by port with the board's own {@code boardLine}; with no rule expected, all passed and
     * nothing was found.
     */
    public static void diagnosisNames(CampaignResult result, String expectedRule, String boardLine) throws Exception {
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = CampaignExplained.of(result) + "diagnosis under test:\n" + DiagnosisText.render(d);
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
    }

    /**
     * {@code hil analyze console.raw}: one session per connection of the campaign, on its port and boot,
     * completed exactly where the board served the client; the sessions no client of ours explains (a
     * connection the client saw refused) are those the campaign listed as the board's own.
     */
    public static void analyzeFindsTheCampaignsSessions(CampaignResult result) throws Exception {
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
        // A port may come round again within a boot (a connection the board reset frees it at once): per boot
        // and port, the sessions in log order and the connections in start order.
        Map<String, List<String>> analyzed = new TreeMap<>();
        for (SessionSummary s : sessions) {
            analyzed.computeIfAbsent(s.boot() + ":" + s.port(), k -> new ArrayList<>()).add(s.outcome().name() + " " + s.requests());
        }
        Map<String, TreeMap<Instant, String>> byStart = new TreeMap<>();
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                if (c.client().localPort() > 0) {
                    byStart.computeIfAbsent(round.boot() + ":" + c.client().localPort(), k -> new TreeMap<>()).put(c.client().start(),
                            c.client().outcome().name() + (c.client().exchanges().isEmpty() ? " unused" : ""));
                }
            }
            for (DeviceSession d : round.sessionsNoClientOpened()) {
                byStart.computeIfAbsent(round.boot() + ":" + d.port(), k -> new TreeMap<>()).put(d.events().get(0).hostTime(),
                        "(board only)");
            }
        }
        Map<String, List<String>> campaign = new TreeMap<>();
        byStart.forEach((key, inOrder) -> campaign.put(key, List.copyOf(inOrder.values())));
        String both = "analyze: " + analyzed + "\ncampaign: " + campaign;
        assertEquals(campaign.keySet(), analyzed.keySet(), both);
        for (Map.Entry<String, List<String>> e : campaign.entrySet()) {
            List<String> boardSessions = analyzed.get(e.getKey());
            assertEquals(e.getValue().size(), boardSessions.size(), e.getKey() + "\n" + both);
            for (int i = 0; i < boardSessions.size(); i++) {
                sessionMatches(e.getValue().get(i), boardSessions.get(i), e.getKey() + "\n" + both);
            }
        }
    }

    /** One connection as the client saw it against the board's session for it, as {@code hil analyze} read it. */
    private static void sessionMatches(String client, String session, String context) {
        boolean served = session.startsWith(SessionOutcome.COMPLETED.name() + " [GET");
        if (client.equals("(board only)")) {
            return; // a connection the client did not report (a browser's): the campaign has the board's side only
        }
        if (client.equals(Outcome.TRUNCATED.name())) {
            // The board logs a response as served once httpd has written it all into lwIP's queue; what was
            // still queued is lost when the connection is then reset (a heap too small for the TLS layer's
            // records): only the client sees that.
            return;
        }
        if (client.equals(Outcome.OK.name() + " unused")) {
            // A browser's spare connection, closed unused: nothing served. How the board saw it end depends on the
            // moment the browser gave it up: a FIN (EOF), a reset as it quit, the alert it sends when it closes a
            // handshake it no longer needs, or not yet (unfinished, when the console was captured before it quit).
            assertTrue(session.endsWith(" []"), context);
        } else {
            assertEquals(client.equals(Outcome.OK.name()), served, context);
        }
    }
}
