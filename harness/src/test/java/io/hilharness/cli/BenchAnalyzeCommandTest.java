package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.analyze.AnalyzeJvmOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hil bench analyze} end to end on a tiny log: the table's counts agree (timings are not checked). */
class BenchAnalyzeCommandTest {
    @TempDir
    Path dir;

    @Test
    void analyzesEveryGeneratedLineAndSessionAndPrintsGrepBesideIt() throws Exception {
        String table = benchAnalyze("--size", "64k", "--dir", dir.toString());
        assertTrue(table.contains("\n| hil analyze --json > file, own JVM |"), table);
        assertTrue(table.contains("JVM options: hil analyze's own JVM "
                + String.join(" ", AnalyzeJvmOptions.shipped())), "timed as the launcher runs it: " + table);
        assertTrue(Files.notExists(dir.resolve("bench-mbedtls.log")), "the log is deleted without --keep");
        assertTrue(Files.notExists(dir.resolve("bench-analyze.jsonl")), "and so is the command's output");
    }

    @Test
    void timesTheCommandsStartUpOnALogOfOneLine() throws Exception {
        String table = benchAnalyze("--size", "64k", "--dir", dir.toString());
        Matcher startUp = Pattern.compile("\\| start-up: the same command on a one-line log \\| ([0-9.]+) \\| n/a \\|.*"
                + "\\| 1 lines, 0 sessions \\|").matcher(table);
        assertTrue(startUp.find(), "the command read the one line and found no session: " + table);
        assertTrue(Double.parseDouble(startUp.group(1)) > 0, table);
        assertTrue(table.contains("hil analyze less its start-up / grep: "), table);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the one-line log and its output are deleted");
        }
    }

    @Test
    void withRecordDumpsEachSessionHasItsRowsOfRandomBytes() throws Exception {
        String table = benchAnalyze("--size", "64k", "--dump-rows", "5", "--dir", dir.toString(), "--keep");
        List<String> log = Files.readAllLines(dir.resolve("bench-mbedtls.log"));
        long sessions = log.stream().filter(l -> l.contains("=> handshake")).count();
        List<String> rows = log.stream().filter(l -> l.matches(".*: [0-9a-f]{4}:  ([0-9a-f]{2} ){16} .{16}, port [0-9]+")).toList();
        assertEquals(5 * sessions, rows.size(), table);
        assertEquals(rows.size(), new HashSet<>(rows).size(), "every row's text is new");
    }

    /** Runs {@code hil bench analyze ARGS}; checks that every analysis counted what was generated. */
    private static String benchAnalyze(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setOut(new PrintWriter(out));
        List<String> command = new ArrayList<>(List.of("bench", "analyze"));
        command.addAll(List.of(args));
        int exit = cli.execute(command.toArray(String[]::new));

        String table = out.toString();
        assertEquals(0, exit, table);
        Matcher generated = Pattern.compile("MB, ([0-9]+) lines, ([0-9]+) sessions").matcher(table);
        assertTrue(generated.find(), table);
        Matcher analyzed = Pattern.compile("\\| hil analyze .*\\| ([0-9]+) lines, ([0-9]+) sessions \\|").matcher(table);
        int runs = 0;
        while (analyzed.find()) { // the command in its own JVM, the pipeline here cold, and again warm
            runs++;
            assertEquals(generated.group(1), analyzed.group(1), "lines");
            assertEquals(generated.group(2), analyzed.group(2), "sessions");
        }
        assertEquals(3, runs, table);
        assertTrue(Long.parseLong(generated.group(2)) > 10, table);
        Matcher grep = Pattern.compile("\\| grep -c handshake \\|.*\\| ([0-9]+) matches \\|").matcher(table);
        assertTrue(grep.find(), table);
        assertTrue(Long.parseLong(grep.group(1)) >= Long.parseLong(generated.group(2)), "one => handshake per session");
        return table;
    }

    @Test
    void aBadSizeIsOneClearError() {
        StringWriter err = new StringWriter();
        CommandLine cli = HilCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(HilCli.EXIT_CONFIG_ERROR, cli.execute("bench", "analyze", "--size", "lots"));
        assertTrue(err.toString().contains("size 'lots'"), err.toString());
    }
}
