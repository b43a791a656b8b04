package io.hilharness.reliability;

import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code hil} command line as a separate JVM, so a test can kill it for real (SIGKILL, SIGTERM)
 * the way an operator or the OOM killer would. Its output goes to a file in the test's folder.
 */
final class HilProcess {
    private HilProcess() {
    }

    static Process start(ProjectLayout layout, Path output, String... args) throws IOException {
        return start(layout, output, List.of(), args);
    }

    /** With JVM options, such as a small heap. */
    static Process start(ProjectLayout layout, Path output, List<String> jvmOptions, String... args) throws IOException {
        // As from a terminal, where Ctrl-C reaches the process: a test JVM started in the background by a script
        // (no job control) has SIGINT ignored, and a child inherits that; coreutils' env puts the default back.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dhil.projectRoot=" + layout.root(),
                "io.hilharness.cli.HilCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /** The one run folder a campaign made under {@code runs}, once it exists. */
    static Path runFolder(Path runs) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            List<Path> found = dirs.filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one run folder in " + runs + ", found " + found);
            }
            return found.get(0);
        }
    }

    /** Journal lines of the given type (a quick text test; the assertions parse the lines properly). */
    static long records(Path journal, String type) {
        try {
            if (!Files.exists(journal)) {
                return 0;
            }
            try (Stream<String> lines = Files.lines(journal)) {
                return lines.filter(l -> l.startsWith("{\"type\":\"" + type + "\"")).count();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** The last lines hil printed, for a failure message (the output file may still be growing). */
    static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
