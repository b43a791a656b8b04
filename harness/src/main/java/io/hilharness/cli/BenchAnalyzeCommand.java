package io.hilharness.cli;

import io.hilharness.bench.AnalyzeBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hil bench analyze}: {@code hil analyze}'s pipeline next to {@code grep -c} on one generated log. */
@Command(name = "analyze",
        description = "Log analysis throughput: hil analyze vs grep -c on the same generated mbedTLS log, same run.")
final class BenchAnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "1g", paramLabel = "N[k|m|g]",
            description = "Size of the generated log (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--dump-rows", defaultValue = "0", paramLabel = "N",
            description = "Rows of random record bytes dumped in each session, as at debug level 4 (default: ${DEFAULT-VALUE}).")
    int dumpRows;

    @Option(names = "--dir", description = "Folder for the log (default: a temp folder).")
    Path dir;

    @Option(names = "--keep", description = "Leave the generated log behind.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long bytes = AnalyzeBenchmark.parseSize(size);
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hil-bench-analyze");
        try {
            out.printf("generating a %d-byte log, then timing hil analyze and grep -c on it...%n", bytes);
            out.flush();
            AnalyzeBenchmark.Result result = new AnalyzeBenchmark(bytes, dumpRows).run(folder, keep);
            out.println();
            out.print(AnalyzeBenchmark.table(result));
            out.flush();
            return 0;
        } finally {
            if (dir == null && !keep) {
                Files.deleteIfExists(folder);
            }
        }
    }
}
