package io.hilharness.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a command to its end, under GNU time where installed, for its wall time, CPU time and peak
 * RSS: the figures of a process of its own, JVM start included when it is one.
 */
final class TimedProcess {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private TimedProcess() {
    }

    /**
     * @param stdout   where the command's output goes; with {@code PIPE} it is returned, trimmed
     * @param answered the exit codes that mean the command did its work
     * @throws IOException when the command fails, with the end of what it said on stderr
     */
    static AnalyzeBenchmark.Timed run(List<String> command, ProcessBuilder.Redirect stdout, Set<Integer> answered)
            throws IOException, InterruptedException {
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        Path stats = gnuTime ? Files.createTempFile("hil-bench-time", ".txt") : null;
        // To a file, not a pipe read after stdout: a child that says much there would block on a full pipe.
        Path stderr = Files.createTempFile("hil-bench-stderr", ".txt");
        try {
            List<String> cmd = new ArrayList<>();
            if (gnuTime) {
                cmd.addAll(List.of(GNU_TIME.toString(), "-v", "-o", stats.toString()));
            }
            cmd.addAll(command);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr.toFile()).start();
            String out = stdout == ProcessBuilder.Redirect.PIPE
                    ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim() : "";
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!answered.contains(exit)) {
                String err = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8); // bad bytes become U+FFFD
                throw new IOException(String.join(" ", command) + " exited " + exit + ": "
                        + err.substring(Math.max(0, err.length() - 2000)).trim());
            }
            return gnuTime ? withStats(seconds, out, Files.readAllLines(stats))
                    : new AnalyzeBenchmark.Timed(seconds, Double.NaN, out, "n/a");
        } finally {
            Files.deleteIfExists(stderr);
            if (stats != null) {
                Files.deleteIfExists(stats);
            }
        }
    }

    private static AnalyzeBenchmark.Timed withStats(double seconds, String out, List<String> stats) {
        String peak = "n/a";
        double cpu = 0;
        for (String line : stats) {
            String value = line.substring(line.lastIndexOf(':') + 1).trim();
            if (line.contains("Maximum resident set size")) {
                peak = value + " kB";
            } else if (line.contains("User time (seconds)") || line.contains("System time (seconds)")) {
                cpu += Double.parseDouble(value);
            }
        }
        return new AnalyzeBenchmark.Timed(seconds, cpu, out, peak);
    }
}
