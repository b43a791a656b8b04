package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RoundRecord;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html grows with the failures of a run, not with its passes. */
class LongRunReportSizeTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final int BOOTS = 3;
    private static final int LINES_PER_CONNECTION = 40;

    @TempDir
    Path dir;

    @Test
    void tenTimesThePassingRoundsNearlyTheSameSize() throws Exception {
        int shortRun = html(10, Set.of()).length();
        int longRun = html(100, Set.of()).length();

        assertTrue(longRun < shortRun * 1.1, shortRun + " bytes for 3 x 10 passing rounds, " + longRun + " for 3 x 100");
    }

    @Test
    void passingRoundsAreCountedAndASampleShownLineByLine() throws Exception {
        String html = html(100, Set.of());

        assertTrue(html.contains("600 connections passed; the first " + HtmlReport.PASSED_IN_DETAIL + " are shown line by line"), html);
        assertTrue(html.contains("<h3>boot 1 round 1</h3>"), "the sample's rounds");
        assertTrue(html.contains("boot 1 rounds 3-100: 98 rounds passed, 196 connections"), html);
        assertTrue(html.contains("boot 2 rounds 1-100: 100 rounds passed, 200 connections"), html);
        assertEquals(HtmlReport.PASSED_IN_DETAIL, count(html, "handshake step 7,"), "device lines of the sample only");
    }

    @Test
    void eachFailureAddsItsDrillDown() throws Exception {
        Set<String> ten = new TreeSet<>();
        Set<String> twenty = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            String id = "b" + (1 + i % BOOTS) + "r" + (5 + 4 * i) + "c2";
            (i < 10 ? ten : twenty).add(id);
        }
        twenty.addAll(ten);
        int passing = html(100, Set.of()).length();
        String tenFailed = html(100, ten);
        String twentyFailed = html(100, twenty);

        int perFailure = (tenFailed.length() - passing) / 10;
        assertTrue(perFailure > LINES_PER_CONNECTION * 60, perFailure + " bytes per failure: each with its device lines");
        assertEquals(twentyFailed.length() - passing, 2.0 * (tenFailed.length() - passing), 0.1 * (tenFailed.length() - passing),
                "twice the failures, twice the growth");
        for (String id : twenty) {
            int at = twentyFailed.indexOf("</span> " + id + " port ");
            assertTrue(at > 0 && twentyFailed.lastIndexOf("<details open=\"open\">", at) > twentyFailed.lastIndexOf("</details>", at),
                    id + " is shown open");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void bootsWithAFailureAndTheFirstPassingOnesGetATimeline() throws Exception {
        String html = html(8, 10, Set.of("b6r3c1"));

        for (int boot : List.of(1, 2, 3, 6)) {
            assertTrue(html.contains("aria-label=\"timeline of boot " + boot + "\""), "boot " + boot);
        }
        assertEquals(4, count(html, "aria-label=\"timeline of boot "));
        assertTrue(html.contains("boots 4-5: every round passed; not drawn"), html);
        assertTrue(html.contains("boots 7-8: every round passed; not drawn"), html);
    }

    @Test
    void aLongBootsPassedConnectionsMergeIntoBandsBetweenItsFailures() {
        CampaignResult result = run(1, 100, Set.of("b1r50c2", "b1r51c1"));

        String svg = SvgCharts.timeline(1, ConnectionPlacement.of(result.rounds()));

        assertEquals(SvgCharts.CONNECTIONS_DRAWN_EACH + 2, count(svg, "<rect") - count(svg, "class=\"band\""),
                "the first connections and both failures, one by one");
        assertTrue(svg.contains("<title>79 connections passed, rounds 11-50</title>"), svg);
        assertTrue(svg.contains("<title>99 connections passed, rounds 51-100</title>"), svg);
        assertEquals(2, count(svg, "class=\"band\""));
    }

    private String html(int roundsPerBoot, Set<String> failing) throws Exception {
        return html(BOOTS, roundsPerBoot, failing);
    }

    private String html(int boots, int roundsPerBoot, Set<String> failing) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReport.write(run(boots, roundsPerBoot, failing), List.of(), List.of(), out);
        return out.toString();
    }

    private CampaignResult run(int bootCount, int roundsPerBoot, Set<String> failing) {
        List<BootRecord> boots = new ArrayList<>();
        List<RoundRecord> rounds = new ArrayList<>();
        long ms = 0;
        long seq = 0;
        for (int b = 1; b <= bootCount; b++) {
            boots.add(new BootRecord(b, ResetKind.SOFT, T0.plusMillis(ms), b, "software", 100L, null));
            ms += 200;
            for (int r = 1; r <= roundsPerBoot; r++) {
                List<CorrelatedConnection> connections = new ArrayList<>();
                for (String path : List.of("/", "/style.css")) {
                    String id = "b" + b + "r" + r + (path.equals("/") ? "c1" : "c2");
                    int port = 40000 + (int) (seq / LINES_PER_CONNECTION) % 20000;
                    Outcome outcome = failing.contains(id) ? Outcome.RESET : Outcome.OK;
                    List<DeviceEvent> lines = new ArrayList<>();
                    for (int i = 0; i < LINES_PER_CONNECTION; i++) {
                        seq++;
                        lines.add(DeviceEvent.builder().seq(seq).offset(seq * 90).hostTime(T0.plusMillis(ms + i)).boot(b)
                                .port(port).type(i == 0 ? EventType.CONNECTION_ACCEPTED : EventType.OTHER)
                                .raw(ms + i + ": tls_server.c 210: ssl_tls.c:4001: handshake step " + i + ", port " + port).build());
                    }
                    ConnectionRecord client = new ConnectionRecord(id, b, r, port, "127.0.0.1:8443", T0.plusMillis(ms),
                            T0.plusMillis(ms + 45), 1L, 30L, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", List.of(),
                            List.of(new Exchange(path, 200, 1024L, 1024, true, 10, outcome, null)), outcome,
                            outcome == Outcome.OK ? null : "connection reset");
                    connections.add(new CorrelatedConnection(client, lines));
                    ms += 50;
                }
                rounds.add(new RoundRecord(b, r, T0.plusMillis(ms - 100), T0.plusMillis(ms), connections, List.of(), Set.of()));
                ms += 10;
            }
        }
        return new CampaignResult("img", "board", dir, new CampaignSpec(bootCount, roundsPerBoot, FetchMode.SEQUENTIAL,
                ResetKind.SOFT, List.of("/", "/style.css"), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)), boots, rounds);
    }
}
