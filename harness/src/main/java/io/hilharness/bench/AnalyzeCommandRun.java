package io.hilharness.bench;

import io.hilharness.analyze.AnalyzeJvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hil analyze --json LOG > FILE} in a JVM of its own: what a user's one command costs, JVM start,
 * class loading and the JIT's first compilations included. The child gets this JVM's java and class
 * path, the options the launcher gives {@code hil analyze} ({@link AnalyzeJvmOptions}), and this JVM's
 * heap and {@code -XX} options merged with them as the launcher merges {@code HIL_JAVA_OPTS} (so
 * {@code java -Xmx64m -jar hil.jar bench analyze} measures a 64 MB {@code hil analyze}); nothing else:
 * no agents or debug ports of a test runner.
 */
final class AnalyzeCommandRun {
    /** The command line's main class, by name as the launcher (bin/hil) and the jar's manifest give it. */
    static final String HIL_MAIN_CLASS = "io.hilharness.cli.HilCli";
    private static final Pattern FILE_LINES = Pattern.compile("\"lines\":([0-9]+)");
    private static final String SESSION = "{\"type\":\"session\"";
    private static final String FILE = "{\"type\":\"file\"";

    private AnalyzeCommandRun() {
    }

    /**
     * Runs it on {@code log}, its JSON lines into {@code output}, and counts what they report. The output
     * is deleted at once, before the kernel writes it back in the middle of the next timing.
     */
    static AnalyzeBenchmark.CommandRun run(Path log, Path output) throws IOException, InterruptedException {
        try {
            List<String> options = jvmOptions();
            AnalyzeBenchmark.Timed timed = TimedProcess.run(command(options, log), ProcessBuilder.Redirect.to(output.toFile()),
                    Set.of(0));
            return counted(timed, options, output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static AnalyzeBenchmark.CommandRun counted(AnalyzeBenchmark.Timed timed, List<String> options, Path output)
            throws IOException {
        long sessions = 0;
        long lines = -1;
        try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(SESSION)) {
                    sessions++;
                } else if (line.startsWith(FILE)) {
                    Matcher m = FILE_LINES.matcher(line);
                    lines = m.find() ? Long.parseLong(m.group(1)) : -1;
                }
            }
        }
        return new AnalyzeBenchmark.CommandRun(timed, options, lines, sessions);
    }

    /** The child's JVM options: {@code hil analyze}'s, merged with this JVM's heap and {@code -XX} options. */
    private static List<String> jvmOptions() {
        List<String> own = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-XX:")) {
                own.add(arg);
            }
        }
        return AnalyzeJvmOptions.merged(AnalyzeJvmOptions.shipped(), own);
    }

    private static List<String> command(List<String> jvmOptions, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HIL_MAIN_CLASS,
                "analyze", "--json", log.toString()));
        return cmd;
    }
}
