package io.hilharness.bench;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.image.ProjectLayout;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetch overhead: the harness's instrumented round (socket wrapping, chain capture, waiting for the
 * board's session ends, correlation, a synced journal record) against plain OkHttp doing the same
 * requests on the same booted board. The two alternate round by round, so both see the same machine
 * load; the first {@code warmup} rounds of each are not counted (JIT, first handshakes).
 */
public final class FetchBenchmark {
    public static final double TARGET_RATIO = 0.95;

    private final ProjectLayout layout;
    private final Path workDir;

    public FetchBenchmark(ProjectLayout layout, Path workDir) {
        this.layout = layout;
        this.workDir = workDir;
    }

    /** @param harnessOk rounds of the harness that passed (every connection OK, digests match) */
    public record Result(String image, Samples harness, Samples bare, Samples fetching, Samples boardLog, Samples journal,
                         int harnessOk, int bareOk) {
        public double ratio() {
            return harness.perSecond() / bare.perSecond();
        }

        public BenchTable table() {
            return new BenchTable("fetch overhead: image " + image + ", " + harness.count()
                    + " rounds each (page + stylesheet, a fresh TLS connection per request), alternating",
                    "metric", "harness", "bare OkHttp", "ratio", "target")
                    .row("rounds/s", BenchTable.number(harness.perSecond(), 1), BenchTable.number(bare.perSecond(), 1),
                            BenchTable.ratio(harness.perSecond(), bare.perSecond()), ">= " + TARGET_RATIO)
                    .row("round p50 ms", BenchTable.number(harness.percentileMillis(50), 1),
                            BenchTable.number(bare.percentileMillis(50), 1),
                            BenchTable.ratio(harness.percentileMillis(50), bare.percentileMillis(50)), "")
                    .row("round p99 ms", BenchTable.number(harness.percentileMillis(99), 1),
                            BenchTable.number(bare.percentileMillis(99), 1),
                            BenchTable.ratio(harness.percentileMillis(99), bare.percentileMillis(99)), "")
                    .row("p50 ms: fetching (round start -> last connection closed)",
                            BenchTable.number(fetching.percentileMillis(50), 1), BenchTable.number(bare.percentileMillis(50), 1),
                            BenchTable.ratio(fetching.percentileMillis(50), bare.percentileMillis(50)), "")
                    .row("p50 ms: board's session ends + correlation",
                            BenchTable.number(boardLog.percentileMillis(50), 1), "-", "", "")
                    .row("p50 ms: journal record written + fsync",
                            BenchTable.number(journal.percentileMillis(50), 1), "-", "", "")
                    .row("rounds ok", harnessOk + "/" + harness.count(), bareOk + "/" + bare.count(), "", "all")
                    .note("harness round: start of the round to its journal record synced (as in hil run); "
                            + "bare round: the same two GETs, body read, nothing recorded")
                    .note("verdict: " + (ratio() >= TARGET_RATIO ? "PASS" : "MISS") + " (harness/bare rounds/s "
                            + BenchTable.number(ratio(), 2) + ", target >= " + TARGET_RATIO + ")");
        }
    }

    public Result run(String imageName, int rounds, int warmup, PrintStream progress) throws Exception {
        Samples harness = new Samples();
        Samples bare = new Samples();
        Samples fetching = new Samples();
        Samples boardLog = new Samples();
        Samples journal = new Samples();
        int[] ok = new int[2];
        try (BenchBoard bench = BenchBoard.create(layout, imageName, workDir)) {
            CampaignSpec spec = bench.spec(1, warmup + rounds, ResetKind.SOFT);
            BareFetchLoop baseline = new BareFetchLoop(bench.board().endpoint(), bench.trust(), spec.fetchTimeout());
            CampaignListener interleave = new CampaignListener() {
                @Override
                public void roundDone(RoundRecord round) {
                    // Called right after the round's journal record is synced: that is the harness round's end.
                    Instant done = Instant.now();
                    long harnessNanos = Duration.between(round.start(), done).toNanos();
                    long t0 = System.nanoTime();
                    boolean bareOk = baseline.round(spec.paths());
                    long bareNanos = System.nanoTime() - t0;
                    if (round.round() > warmup) {
                        harness.add(harnessNanos);
                        lastConnectionEnd(round).ifPresent(end -> {
                            fetching.add(Duration.between(round.start(), end).toNanos());
                            boardLog.add(Duration.between(end, round.end()).toNanos());
                        });
                        // The record is complete at round.end(); the campaign then journals it, synced.
                        journal.add(Duration.between(round.end(), done).toNanos());
                        bare.add(bareNanos);
                        ok[0] += round.ok() ? 1 : 0;
                        ok[1] += bareOk ? 1 : 0;
                        if ((round.round() - warmup) % 100 == 0) {
                            progress.printf("fetch: %d/%d rounds%n", round.round() - warmup, rounds);
                        }
                    }
                }
            };
            CampaignResult result = bench.campaign(spec, interleave).run();
            if (result.boots().isEmpty() || !result.boots().get(0).ready()) {
                throw new IllegalStateException("the board did not boot: "
                        + (result.boots().isEmpty() ? "no boot" : result.boots().get(0).failure()));
            }
        }
        return new Result(imageName, harness, bare, fetching, boardLog, journal, ok[0], ok[1]);
    }

    /** When the round's last connection closed: after it the harness only waits for the board's log and records. */
    private static Optional<Instant> lastConnectionEnd(RoundRecord round) {
        return round.connections().stream().map(c -> c.client().end()).filter(Objects::nonNull).max(Instant::compareTo);
    }
}
