package io.hilharness.bench;

import com.sun.management.OperatingSystemMXBean;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.Trust;
import io.hilharness.client.FetchMode;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.lab.LabConfig;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.BoardOutcome;
import io.hilharness.runner.LabRunner;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many boards: the same campaign on 1, 2 and 4 reference boards at once, run as {@code hil run --boards}
 * runs it (a lab config of reference boards, one locked campaign per board, reports written), with the
 * wall time and the harness JVM's CPU time of each, as a ratio to one board.
 */
public final class BoardsBenchmark {
    public static final double TARGET_RATIO = 1.3;

    private final ProjectLayout layout;
    private final Path workDir;

    public BoardsBenchmark(ProjectLayout layout, Path workDir) {
        this.layout = layout;
        this.workDir = workDir;
    }

    /** @param roundsOk passed rounds over all boards; @param roundsRun rounds run over all boards */
    /** @param boardsCpuSeconds CPU of the board processes (NaN where it cannot be read) */
    public record Step(int boards, double wallSeconds, double cpuSeconds, double boardsCpuSeconds, int roundsOk, int roundsRun) {
    }

    public record Result(String image, int boots, int rounds, Duration roundInterval, List<Step> steps) {
        public BenchTable table() {
            BenchTable table = new BenchTable("many boards: image " + image + ", " + boots + " boots x " + rounds
                    + " rounds per board (soft resets, sequential, round interval " + roundInterval.toMillis() + " ms), one hil run each",
                    "boards", "wall s", "wall vs 1 board", "harness CPU s", "CPU vs 1 board", "boards' CPU s", "rounds ok",
                    "target (wall)");
            Step one = steps.get(0);
            for (Step step : steps) {
                table.row(Integer.toString(step.boards()), BenchTable.number(step.wallSeconds(), 1),
                        BenchTable.ratio(step.wallSeconds(), one.wallSeconds()), BenchTable.number(step.cpuSeconds(), 1),
                        BenchTable.ratio(step.cpuSeconds(), one.cpuSeconds()), BenchTable.number(step.boardsCpuSeconds(), 1),
                        step.roundsOk() + "/" + step.roundsRun(),
                        step.boards() == 4 ? "< " + TARGET_RATIO : "");
            }
            table.note("wall: all campaigns of the run, from start to the last report written; harness CPU: this JVM's "
                    + "process CPU time; boards' CPU: the board processes' own (Linux cutime + cstime of the reaped children)");
            steps.stream().filter(s -> s.boards() == 4).findFirst().ifPresent(four -> table.note("verdict: "
                    + (four.wallSeconds() / one.wallSeconds() < TARGET_RATIO ? "PASS" : "MISS") + " (4 boards take "
                    + BenchTable.ratio(four.wallSeconds(), one.wallSeconds()) + "x the wall time of 1, target < " + TARGET_RATIO + ")"));
            return table;
        }
    }

    public Result run(String imageName, List<Integer> boardCounts, int boots, int rounds, Duration roundInterval,
                      PrintStream progress) throws Exception {
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust trust = TrustOption.IMAGE.resolve(image);
        CampaignSpec spec = new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of(image.manifest().page(), image.manifest().stylesheet()), 1, BenchBoard.READY_TIMEOUT,
                BenchBoard.FETCH_TIMEOUT, roundInterval);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Not counted: the first run in a JVM also pays for class loading and the JIT.
        runOnce(workDir.resolve("warmup"), 1, image, new CampaignSpec(1, 1, spec.mode(), spec.reset(), spec.paths(), 1,
                spec.readyTimeout(), spec.fetchTimeout()), trust);
        List<Step> steps = new ArrayList<>();
        for (int n : boardCounts) {
            long cpu0 = os.getProcessCpuTime();
            double children0 = ChildProcessCpu.seconds().orElse(Double.NaN);
            long t0 = System.nanoTime();
            List<BoardOutcome> outcomes = runOnce(workDir.resolve(n + "-boards"), n, image, spec, trust);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double boardsCpu = ChildProcessCpu.seconds().orElse(Double.NaN) - children0;
            int ok = 0;
            int run = 0;
            for (BoardOutcome outcome : outcomes) {
                if (outcome.error().isPresent()) {
                    throw new IllegalStateException("board " + outcome.board() + " could not run: " + outcome.error().get());
                }
                CampaignResult result = outcome.result().orElseThrow();
                run += result.rounds().size();
                ok += (int) result.rounds().stream().filter(RoundRecord::ok).count();
            }
            progress.printf("boards: %d board(s) in %.1f s%n", n, wall);
            steps.add(new Step(n, wall, cpu, boardsCpu, ok, run));
        }
        return new Result(imageName, boots, rounds, roundInterval, steps);
    }

    /** What {@code hil run --boards tag:bench} does, on a lab of n fresh reference boards. */
    private static List<BoardOutcome> runOnce(Path dir, int n, FirmwareImage image, CampaignSpec spec, Trust trust)
            throws Exception {
        Files.createDirectories(dir);
        LabConfig lab = LabConfig.read(labFile(dir, n));
        return new LabRunner(lab, dir.resolve("runs"), "hil bench boards")
                .runAll(lab.select("tag:bench"), image, spec, trust, board -> new CampaignListener() { });
    }

    /** A lab of n reference boards tagged "bench", each on its own free port and pty, locks in the work folder. */
    private static Path labFile(Path dir, int n) throws java.io.IOException {
        StringBuilder yaml = new StringBuilder("lock_dir: ").append(dir.resolve("locks")).append("\nboards:\n");
        for (int i = 1; i <= n; i++) {
            yaml.append("  bench-").append(i).append(":\n    kind: reference\n    tags: [bench]\n");
        }
        return Files.writeString(dir.resolve("lab.yaml"), yaml.toString());
    }
}
