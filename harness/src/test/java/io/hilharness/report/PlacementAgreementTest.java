package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.Finding;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's concurrency chart, its drill-down and the diagnosis's concurrency finding count
 * "open at once" the same way, also where the host clock and the board's log tell different stories.
 */
class PlacementAgreementTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    /**
     * Each round: the client starts the stylesheet a millisecond before the page, and it fails at once;
     * the board accepted the page first and turned the stylesheet away while serving it. By the host
     * clock the page started while the stylesheet was open (page 2 open, stylesheet 1); by the board's
     * log the reverse (stylesheet 2, page 1).
     */
    @Test
    void chartDrillDownAndFindingCountOpenAtOnceAlike() throws Exception {
        CampaignResult result = run();

        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        Finding concurrency = diagnosis.findings().stream().filter(f -> f.rule().equals("concurrency")).findFirst()
                .orElseThrow(() -> new AssertionError("no concurrency finding in " + diagnosis.findings()));
        StringWriter page = new StringWriter();
        HtmlReport.write(result, List.of(), ReportedFinding.allOf(diagnosis), page);
        String html = page.toString();

        assertEquals("1: 0/20, 2: 20/20", concurrency.facts().get("failure rate by connections open at once"));
        assertEquals("1: 0/20, 2: 20/20", concurrencyChart(html));
        for (int round = 1; round <= ROUNDS; round++) {
            assertTrue(html.contains("css" + round + " port " + (41000 + round) + ", 5 ms, connection " + (2 * round - 1)
                    + " since boot, 2 open"), "drill-down of the failed stylesheet in round " + round);
        }
        assertTrue(html.contains("page1 port 40001, 49 ms, connection 2 since boot, 1 open"), "drill-down of a page");
        assertTrue(html.contains(Html.text(ConnectionPlacement.CLOCK)), "the report names the clock it counts by");
    }

    /** The concurrency chart's bars as "level: failed/total", from their tooltips. */
    private static String concurrencyChart(String html) {
        int start = html.indexOf("aria-label=\"by concurrency");
        String svg = html.substring(start, html.indexOf("</svg>", start));
        Matcher bar = Pattern.compile("<title>(\\d+): (\\d+) of (\\d+) failed</title>").matcher(svg);
        List<String> bars = new ArrayList<>();
        while (bar.find()) {
            bars.add(bar.group(1) + ": " + bar.group(2) + "/" + bar.group(3));
        }
        return bars.stream().collect(Collectors.joining(", "));
    }

    private CampaignResult run() {
        List<RoundRecord> rounds = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            long ms = r * 1000L;
            long seq = r * 100L;
            CorrelatedConnection page = new CorrelatedConnection(
                    client("page" + r, 40000 + r, ms + 1, ms + 50, Outcome.OK), lines(seq + 1, seq + 10));
            CorrelatedConnection css = new CorrelatedConnection(
                    client("css" + r, 41000 + r, ms, ms + 5, Outcome.RESET), lines(seq + 3, seq + 4));
            rounds.add(new RoundRecord(1, r, T0.plusMillis(ms), T0.plusMillis(ms + 50), List.of(page, css), List.of(), Set.of()));
        }
        return new CampaignResult("img", "board", dir,
                new CampaignSpec(1, ROUNDS, FetchMode.PARALLEL, ResetKind.SOFT, List.of("/", "/style.css"), 2,
                        Duration.ofSeconds(1), Duration.ofSeconds(1)),
                List.of(new BootRecord(1, ResetKind.SOFT, T0, 1, "software", 10L, null)), rounds);
    }

    private static List<DeviceEvent> lines(long firstSeq, long lastSeq) {
        return LongStream.rangeClosed(firstSeq, lastSeq).mapToObj(seq -> DeviceEvent.builder().seq(seq).offset(seq * 80)
                .hostTime(T0).boot(1).raw("session line " + seq).build()).toList();
    }

    private static ConnectionRecord client(String id, int port, long startMs, long endMs, Outcome outcome) {
        return new ConnectionRecord(id, 1, null, port, "127.0.0.1:8443", T0.plusMillis(startMs), T0.plusMillis(endMs),
                null, null, null, null, List.of(), List.of(), outcome, null);
    }
}
