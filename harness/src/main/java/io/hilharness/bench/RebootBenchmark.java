package io.hilharness.bench;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.image.ProjectLayout;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reboot cycle: from the harness's reset command to its first fetch of the new boot, next to the
 * board's own time from that reset to its ready line. The difference is what the harness adds
 * (delivering the reset, noticing the ready line, starting the round). Each kind runs as a real
 * campaign of one round per boot; the first boot (the power-on after flashing) is not counted.
 */
public final class RebootBenchmark {
    public static final long TARGET_ADDED_MILLIS = 50;

    private final ProjectLayout layout;
    private final Path workDir;

    public RebootBenchmark(ProjectLayout layout, Path workDir) {
        this.layout = layout;
        this.workDir = workDir;
    }

    /** One reset kind's samples; {@code added} is per boot: harness time to the first fetch minus the board's time. */
    public record KindResult(ResetKind kind, int resets, Samples board, Samples readySeen, Samples harness, Samples added,
                             Samples toReadyLine, Samples toFetch, Samples fetch, int fetchesOk) {
    }

    public record Result(String image, List<KindResult> kinds) {
        public BenchTable table() {
            BenchTable table = new BenchTable("reboot cycle: image " + image + ", one round per boot, first boot not counted",
                    "reset", "stat", "harness: reset -> first fetch (ms)", "board: reset -> ready line (ms)",
                    "added by harness (ms)", "of which: until the ready line was read", "of which: ready line -> fetch", "target");
            for (KindResult k : kinds) {
                String kind = k.kind().name().toLowerCase() + " x" + k.resets();
                for (double p : new double[] {50, 99}) {
                    table.row(kind, "p" + (int) p, BenchTable.number(k.harness().percentileMillis(p), 1),
                            BenchTable.number(k.board().percentileMillis(p), 1),
                            BenchTable.number(k.added().percentileMillis(p), 1),
                            BenchTable.number(k.toReadyLine().percentileMillis(p), 1),
                            BenchTable.number(k.toFetch().percentileMillis(p), 1), "< " + TARGET_ADDED_MILLIS);
                }
            }
            table.note("harness: reset command -> first fetch of the boot starts (TCP connect), host clock; "
                    + "board: its ready line's 'N ms after reset' (monotonic, from taking the reset), read from the console");
            for (KindResult k : kinds) {
                table.note(k.kind().name().toLowerCase() + ": harness saw the ready line after p50 "
                        + BenchTable.number(k.readySeen().percentileMillis(50), 1) + " ms; the first fetch itself took p50 "
                        + BenchTable.number(k.fetch().percentileMillis(50), 1) + " ms; first fetches ok "
                        + k.fetchesOk() + "/" + k.resets() + "; verdict "
                        + (k.added().percentileMillis(50) < TARGET_ADDED_MILLIS ? "PASS" : "MISS") + " (p50 added < "
                        + TARGET_ADDED_MILLIS + " ms)");
            }
            return table;
        }
    }

    public Result run(String imageName, int resets, List<ResetKind> kinds, PrintStream progress) throws Exception {
        List<KindResult> results = new ArrayList<>();
        for (ResetKind kind : kinds) {
            results.add(runKind(imageName, resets, kind, progress));
        }
        return new Result(imageName, results);
    }

    private KindResult runKind(String imageName, int resets, ResetKind kind, PrintStream progress) throws Exception {
        Samples board = new Samples();
        Samples readySeen = new Samples();
        Samples harness = new Samples();
        Samples added = new Samples();
        Samples toReadyLine = new Samples();
        Samples toFetch = new Samples();
        Samples fetch = new Samples();
        int ok = 0;
        try (BenchBoard bench = BenchBoard.create(layout, imageName, workDir)) {
            BoardReadyLines ready = new BoardReadyLines();
            bench.board().console().addListener(ready);
            CampaignListener listener = new CampaignListener() {
                @Override
                public void bootDone(BootRecord boot) {
                    if (boot.boot() > 1) {
                        progress.printf("reboot: %s boot %d/%d%n", kind.name().toLowerCase(), boot.boot() - 1, resets);
                    }
                }
            };
            CampaignResult result = bench.campaign(bench.spec(resets + 1, 1, kind), listener).run();
            for (BootRecord boot : result.boots()) {
                Optional<RoundRecord> round = result.rounds().stream().filter(r -> r.boot() == boot.boot()).findFirst();
                Optional<BoardReadyLines.ReadyLine> line = ready.firstAfter(boot.resetAt());
                if (boot.boot() == 1 || !boot.ready() || round.isEmpty() || round.get().connections().isEmpty() || line.isEmpty()) {
                    continue;
                }
                ConnectionRecord first = round.get().connections().get(0).client();
                long harnessNanos = Duration.between(boot.resetAt(), first.start()).toNanos();
                long boardNanos = Duration.ofMillis(line.get().boardMillis()).toNanos();
                long seenNanos = Duration.between(boot.resetAt(), line.get().seenAt()).toNanos();
                board.add(boardNanos);
                readySeen.add(seenNanos);
                harness.add(harnessNanos);
                added.add(harnessNanos - boardNanos);
                toReadyLine.add(seenNanos - boardNanos);
                toFetch.add(harnessNanos - seenNanos);
                if (first.end() != null) {
                    fetch.add(Duration.between(first.start(), first.end()).toNanos());
                }
                ok += first.outcome() == Outcome.OK ? 1 : 0;
            }
        }
        return new KindResult(kind, harness.count(), board, readySeen, harness, added, toReadyLine, toFetch, fetch, ok);
    }
}
