package io.hilharness.cli;

import io.hilharness.bench.AnalyzeBenchmark;
import io.hilharness.bench.ConsoleBenchmark;
import io.hilharness.image.FileTrees;
import io.hilharness.image.ProjectLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hil bench console}: the reference board floods its console; the harness's capture next to a bare read loop. */
@Command(name = "console",
        description = "Console capture under flood: harness console path vs a bare jSerialComm read loop, same run.")
final class BenchConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bytes", defaultValue = "20000000", paramLabel = "N[k|m|g]",
            description = "Flood size per reader (default: ${DEFAULT-VALUE} bytes).")
    String bytes;

    @Option(names = "--image", defaultValue = "lab-ca", description = "Image the board runs (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Wait for the board and for each flood, plus 1 s per MB (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--dir", description = "Work folder (board, console.raw, tee); default: a temp folder, deleted after.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long size = AnalyzeBenchmark.parseSize(bytes);
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hil-bench-console");
        try {
            out.printf("flooding %d bytes through the harness console, then through a bare read loop...%n", size);
            out.flush();
            ConsoleBenchmark.Result result = new ConsoleBenchmark(ProjectLayout.locate(), image, size,
                    Duration.ofSeconds(timeoutSeconds)).run(work);
            out.println();
            out.print(ConsoleBenchmark.table(result));
            out.flush();
            return result.harness().complete() && result.captureMatchesTee() ? 0 : 1;
        } finally {
            if (dir == null) {
                FileTrees.delete(work);
            }
        }
    }
}
