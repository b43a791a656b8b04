package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RoundRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailureRateChartsTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void barsCountFailedOfAllPerConcurrencyAndPerBoot() {
        // boot 1: three at once (0-100, 10-100, 20-50), then one alone at 200; boot 2: one.
        RoundRecord b1r1 = round(1, 1, conn(0, 100, Outcome.OK), conn(10, 100, Outcome.RESET), conn(20, 50, Outcome.OK));
        RoundRecord b1r2 = round(1, 2, conn(200, 250, Outcome.TIMEOUT));
        RoundRecord b2r1 = round(2, 1, conn(5000, 5100, Outcome.OK));
        CampaignResult result = new CampaignResult("img", "board", Path.of("run"),
                new CampaignSpec(2, 2, FetchMode.PARALLEL, ResetKind.SOFT, List.of("/"), 3, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                List.of(boot(1), boot(2)), List.of(b1r1, b1r2, b2r1));

        List<ConnectionPlacement> placed = ConnectionPlacement.of(result.rounds());

        List<SvgCharts.Bar> byConcurrency = HtmlReport.bars(placed, ConnectionPlacement::openAtStart, "");
        assertEquals(List.of(new SvgCharts.Bar("1", 1, 3), new SvgCharts.Bar("2", 1, 1), new SvgCharts.Bar("3", 0, 1)),
                byConcurrency);
        assertEquals(List.of(new SvgCharts.Bar("boot 1", 2, 4), new SvgCharts.Bar("boot 2", 0, 1)),
                HtmlReport.bars(placed, ConnectionPlacement::boot, "boot "));
    }

    @Test
    void longBootsGroupTheIndexSinceBootIntoRanges() {
        ConnectionRecord[] many = new ConnectionRecord[100];
        for (int i = 0; i < many.length; i++) {
            many[i] = conn(i * 10, i * 10 + 5, i >= 90 ? Outcome.RESET : Outcome.OK);
        }
        CampaignResult result = new CampaignResult("img", "board", Path.of("run"),
                new CampaignSpec(1, 1, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/"), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                List.of(boot(1)), List.of(round(1, 1, many)));

        List<SvgCharts.Bar> bars = HtmlReport.byIndexSinceBoot(ConnectionPlacement.of(result.rounds()));

        assertEquals(34, bars.size());
        assertEquals(new SvgCharts.Bar("#1-3", 0, 3), bars.get(0));
        assertEquals(new SvgCharts.Bar("#88-90", 0, 3), bars.get(29));
        assertEquals(new SvgCharts.Bar("#91-93", 3, 3), bars.get(30));
        assertEquals(new SvgCharts.Bar("#100-102", 1, 1), bars.get(33));
    }

    private static BootRecord boot(int n) {
        return new BootRecord(n, ResetKind.SOFT, T0, n, "software", 10L, null);
    }

    private static RoundRecord round(int boot, int round, ConnectionRecord... connections) {
        return new RoundRecord(boot, round, T0, T0, List.of(connections).stream()
                .map(c -> new CorrelatedConnection(c, List.of())).toList(), List.of(), Set.of());
    }

    private static ConnectionRecord conn(long startMs, long endMs, Outcome outcome) {
        return new ConnectionRecord("c", null, null, 40000, "127.0.0.1:1", T0.plusMillis(startMs), T0.plusMillis(endMs),
                null, null, null, null, List.of(), List.of(), outcome, null);
    }
}
