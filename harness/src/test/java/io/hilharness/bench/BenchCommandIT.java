package io.hilharness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench commands end to end at tiny sizes against real reference boards: each prints its table
 * with the counts it was asked for. Timings are printed, never asserted.
 */
class BenchCommandIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void buildFirmware() throws Exception {
        ReferenceFirmware.built();
    }

    private record Cli(int exitCode, String out) {
    }

    private static Cli hil(String... args) {
        CommandLine cli = io.hilharness.cli.TestAccess.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            int code = cli.execute(args);
            return new Cli(code, stdout.toString(StandardCharsets.UTF_8) + err);
        } finally {
            System.setOut(saved);
        }
    }

    /** The cells of the table row whose first cells are the given ones. */
    private static List<String> row(String table, String... first) {
        for (String line : table.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
            if (cells.subList(0, first.length).equals(List.of(first))) {
                return cells;
            }
        }
        throw new AssertionError("no row starting " + List.of(first) + " in:\n" + table);
    }

    private static double number(String cell) {
        return Double.parseDouble(cell);
    }

    @Test
    void fetchPrintsHarnessAndBareSideBySide() {
        Cli result = hil("bench", "fetch", "--rounds", "3", "--warmup", "1", "--work-dir", dir.resolve("fetch").toString());

        assertEquals(0, result.exitCode(), result.out());
        assertTrue(result.out().contains("| metric") && result.out().contains("| harness") && result.out().contains("bare OkHttp"),
                result.out());
        assertEquals(List.of("rounds ok", "3/3", "3/3", "", "all"), row(result.out(), "rounds ok"));
        List<String> rate = row(result.out(), "rounds/s");
        assertTrue(number(rate.get(1)) > 0 && number(rate.get(2)) > 0, rate.toString());
        assertEquals(">= 0.95", rate.get(4));
        List<String> p50 = row(result.out(), "round p50 ms");
        assertTrue(number(p50.get(1)) >= number(row(result.out(), "p50 ms: journal record written + fsync").get(1)), p50.toString());
        assertTrue(result.out().matches("(?s).*verdict: (PASS|MISS).*"), result.out());
    }

    @Test
    void rebootComparesTheHarnessWithTheBoardsOwnTimePerResetKind() {
        Cli result = hil("bench", "reboot", "--resets", "2", "--kinds", "soft,hard", "--work-dir", dir.resolve("reboot").toString());

        assertEquals(0, result.exitCode(), result.out());
        for (String kind : List.of("soft x2", "hard x2")) {
            List<String> p50 = row(result.out(), kind, "p50");
            double harness = number(p50.get(2));
            double board = number(p50.get(3));
            // The board's own time was read from its console, and the harness measured a reset-to-fetch time.
            assertTrue(board >= 0 && harness > 0, p50.toString());
            assertEquals(8, p50.size(), p50.toString());
            assertEquals("< 50", p50.get(7));
            row(result.out(), kind, "p99");
        }
        Matcher ok = Pattern.compile("first fetches ok (\\d+)/(\\d+)").matcher(result.out());
        int kinds = 0;
        while (ok.find()) {
            assertEquals("2", ok.group(1), result.out());
            assertEquals("2", ok.group(2), result.out());
            kinds++;
        }
        assertEquals(2, kinds, result.out());
    }

    @Test
    void boardsRunsOneCampaignPerBoardCount() {
        Cli result = hil("bench", "boards", "--counts", "1,2", "--boots", "1", "--rounds", "2", "--round-interval", "0",
                "--work-dir", dir.resolve("boards").toString());

        assertEquals(0, result.exitCode(), result.out());
        List<String> one = row(result.out(), "1");
        List<String> two = row(result.out(), "2");
        assertEquals("1.00", one.get(2));
        assertEquals("2/2", one.get(6));
        assertEquals("4/4", two.get(6));
        assertTrue(number(two.get(1)) > 0 && number(two.get(3)) > 0, two.toString());
        // Two powered-off, reaped board processes used some CPU of their own.
        assertTrue(number(two.get(5)) >= 0, two.toString());
    }

    @Test
    void aBadSizeIsOneClearErrorLine() {
        Cli result = hil("bench", "fetch", "--rounds", "0");

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.out().contains("--rounds must be at least 1"), result.out());
    }
}
