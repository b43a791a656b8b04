package io.hilharness.cli;

import io.hilharness.bench.BoardsBenchmark;
import io.hilharness.image.ProjectLayout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hil bench boards}: one run on 1, 2 and 4 reference boards; wall and harness CPU time vs 1 board. */
@Command(name = "boards", description = "Many boards: the same campaign on 1, 2 and 4 reference boards in one run each.")
final class BenchBoardsCommand implements Callable<Integer> {
    @Option(names = "--counts", defaultValue = "1,2,4", split = ",", description = "Board counts to run, default ${DEFAULT-VALUE}.")
    List<Integer> counts;

    @Option(names = "--boots", defaultValue = "2", description = "Boots per board, default ${DEFAULT-VALUE}.")
    int boots;

    @Option(names = "--rounds", defaultValue = "10", description = "Rounds per boot, default ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--round-interval", defaultValue = "500",
            description = "Least ms from one round's start to the next (a user reloading), default ${DEFAULT-VALUE}; 0 = back to back.")
    long roundIntervalMs;

    @Option(names = "--image", defaultValue = "good", description = "Image to run, default ${DEFAULT-VALUE}.")
    String image;

    @Mixin
    BenchWorkDir work = new BenchWorkDir();

    @Override
    public Integer call() throws Exception {
        if (boots < 1 || rounds < 1 || roundIntervalMs < 0 || counts.isEmpty() || counts.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--boots and --rounds must be at least 1, --counts positive, --round-interval not negative");
        }
        ProjectLayout layout = ProjectLayout.locate();
        BoardsBenchmark.Result result = work.use(dir -> new BoardsBenchmark(layout, dir)
                .run(image, counts, boots, rounds, Duration.ofMillis(roundIntervalMs), System.err));
        System.out.print(result.table().render());
        return 0;
    }
}
