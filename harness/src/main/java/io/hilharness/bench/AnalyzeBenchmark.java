package io.hilharness.bench;

import io.hilharness.analyze.BootSummary;
import io.hilharness.analyze.JsonReport;
import io.hilharness.analyze.LogAnalyzer;
import io.hilharness.analyze.SessionSummary;
import io.hilharness.analyze.SessionTracker;
import io.hilharness.devlog.LogFormats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Throughput of {@code hil analyze} next to {@code grep -c} on the same generated log, in the same
 * run, with peak memory of each ({@code hil bench analyze}). Timings are measured, never asserted.
 */
public final class AnalyzeBenchmark {

    /**
     * @param generatedLines    lines the generator wrote
     * @param generatedSessions sessions the generator wrote
     * @param command           {@code hil analyze --json} in a JVM of its own, as a user runs it: JVM start,
     *                          class loading and the cold JIT included
     * @param startUp           the same command on a log of one line: what every {@code hil analyze} costs
     *                          before it reads (JVM start, the command line, the classes)
     * @param first             the analysis alone, in this JVM, the JIT cold: the command less JVM start
     * @param again             the same analysis again in the same JVM, as the second file of a
     *                          {@code hil analyze a.log b.log} gets it: the JIT warm
     */
    public record Result(Path log, long bytes, long generatedLines, long generatedSessions, CommandRun command,
                         CommandRun startUp, Analysis first, Analysis again, String jvmPeak, Timed grep) {
    }

    /**
     * One timed analysis.
     *
     * @param stats    what the analyzer read
     * @param sessions sessions the analyzer reported
     */
    public record Analysis(double seconds, double cpuSeconds, LogAnalyzer.FileStats stats, long sessions) {
    }

    /**
     * A child process's time, CPU time (user + system; NaN without GNU time), what it printed and peak RSS
     * ("n/a" without GNU time).
     */
    public record Timed(double seconds, double cpuSeconds, String out, String peak) {
    }

    /**
     * The {@code hil analyze --json} command, timed as its own process.
     *
     * @param jvmOptions the options its JVM was started with
     * @param lines      lines the command reported for the file
     * @param sessions   session records it wrote
     */
    public record CommandRun(Timed run, List<String> jvmOptions, long lines, long sessions) {
    }

    private final long size;
    private final int dumpRows;

    /**
     * @param dumpRows rows of a record dump of random bytes in each session, as a board logs at debug
     *                 level 4: each row's text is new, so none is known from before
     */
    public AnalyzeBenchmark(long size, int dumpRows) {
        if (dumpRows < 0) {
            throw new IllegalArgumentException("dump rows must be 0 or more, got " + dumpRows);
        }
        this.size = size;
        this.dumpRows = dumpRows;
    }

    /** Generates the log in {@code folder}, analyzes it, greps it; deletes it unless {@code keep}. */
    public Result run(Path folder, boolean keep) throws IOException, InterruptedException {
        Path log = folder.resolve("bench-mbedtls.log");
        try {
            GeneratedLog.Counts generated = GeneratedLog.write(log, size, dumpRows);
            long bytes = Files.size(log);
            CommandRun startUp = startUp(folder);
            CommandRun command = AnalyzeCommandRun.run(log, folder.resolve("bench-analyze.jsonl"));
            Analysis first = analyze(log);
            Analysis again = analyze(log);
            String jvmPeak = vmHwm();
            // grep -c exits 1 when nothing matches: a count of 0 is an answer too.
            Timed grep = TimedProcess.run(List.of("grep", "-c", "handshake", log.toString()), ProcessBuilder.Redirect.PIPE,
                    Set.of(0, 1));
            return new Result(log, bytes, generated.lines(), generated.sessions(), command, startUp, first, again,
                    jvmPeak, grep);
        } finally {
            if (!keep) {
                Files.deleteIfExists(log);
            }
        }
    }

    /** The command on a log of the generator's first line alone: its fixed cost, timed the same way. */
    private static CommandRun startUp(Path folder) throws IOException, InterruptedException {
        Path oneLine = folder.resolve("bench-start-up.log");
        try {
            Files.writeString(oneLine, GeneratedLog.FIRST_LINE + "\r\n", StandardCharsets.US_ASCII);
            return AnalyzeCommandRun.run(oneLine, folder.resolve("bench-start-up.jsonl"));
        } finally {
            Files.deleteIfExists(oneLine);
        }
    }

    /** {@code hil analyze}'s pipeline on {@code log}, JSON lines written to a null stream. */
    private static Analysis analyze(Path log) throws IOException {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long[] sessions = new long[1];
        LogAnalyzer.FileStats stats;
        try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream())) {
            JsonReport json = new JsonReport(sink);
            stats = new LogAnalyzer(LogFormats::autoDetect).analyze(log, new SessionTracker.Listener() {
                @Override
                public void session(SessionSummary session) {
                    sessions[0]++;
                    json.session(session);
                }

                @Override
                public void boot(BootSummary boot) {
                    json.boot(boot);
                }
            }, n -> { });
        }
        return new Analysis((System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, stats, sessions[0]);
    }

    /**
     * The side-by-side table (markdown). CPU time is there because wall time on a shared machine
     * depends on the neighbours: MB per CPU-second compares the work itself.
     */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "log: %s, %.1f MB, %d lines, %d sessions%n%n", r.log(), r.bytes() / 1e6,
                r.generatedLines(), r.generatedSessions()));
        sb.append("| tool | time (s) | MB/s | CPU (s) | MB per CPU-s | peak RSS | result |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        double mb = r.bytes() / 1e6;
        Timed command = r.command().run();
        row(sb, "hil analyze --json > file, own JVM", mb, command.seconds(), command.cpuSeconds(), command.peak(),
                r.command().lines() + " lines, " + r.command().sessions() + " sessions");
        Timed startUp = r.startUp().run();
        row(sb, "start-up: the same command on a one-line log", Double.NaN, startUp.seconds(), startUp.cpuSeconds(),
                startUp.peak(), r.startUp().lines() + " lines, " + r.startUp().sessions() + " sessions");
        row(sb, "hil analyze pipeline, first run in this JVM", mb, r.first(), r.jvmPeak() + " (this JVM's VmHWM)");
        row(sb, "hil analyze pipeline again, same JVM", mb, r.again(), "");
        row(sb, "grep -c handshake", mb, r.grep().seconds(), r.grep().cpuSeconds(), r.grep().peak(),
                r.grep().out() + " matches");
        sb.append(String.format(Locale.ROOT, "%nJVM options: hil analyze's own JVM %s; this JVM %s%n",
                shown(r.command().jvmOptions()), shown(jvmOptionsOfThisJvm())));
        sb.append(String.format(Locale.ROOT, "hil analyze / grep: %s of grep's speed (wall), %s (per CPU second): "
                        + "one command, JVM start included%n",
                rate(r.grep().seconds(), command.seconds()), rate(r.grep().cpuSeconds(), command.cpuSeconds())));
        sb.append(String.format(Locale.ROOT, "hil analyze less its start-up / grep: %s (wall), %s (per CPU second): "
                        + "the command's time minus the one-line log's%n",
                rate(r.grep().seconds(), command.seconds() - startUp.seconds()),
                rate(r.grep().cpuSeconds(), command.cpuSeconds() - startUp.cpuSeconds())));
        sb.append(String.format(Locale.ROOT, "first run / grep: %s (wall), %s (per CPU second): the pipeline alone, JIT cold%n",
                rate(r.grep().seconds(), r.first().seconds()), rate(r.grep().cpuSeconds(), r.first().cpuSeconds())));
        sb.append(String.format(Locale.ROOT, "again / grep: %s (wall), %s (per CPU second): the pipeline alone, JIT warm%n",
                rate(r.grep().seconds(), r.again().seconds()), rate(r.grep().cpuSeconds(), r.again().cpuSeconds())));
        return sb.toString();
    }

    private static List<String> jvmOptionsOfThisJvm() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList();
    }

    private static String shown(List<String> options) {
        return options.isEmpty() ? "(none: java's defaults)" : String.join(" ", options);
    }

    private static void row(StringBuilder sb, String tool, double mb, Analysis a, String peak) {
        row(sb, tool, mb, a.seconds(), a.cpuSeconds(), peak, a.stats().lines() + " lines, " + a.sessions() + " sessions");
    }

    private static void row(StringBuilder sb, String tool, double mb, double seconds, double cpu, String peak, String result) {
        sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %s | %s | %s |%n", tool, seconds,
                rate(mb, seconds), cpu, rate(mb, cpu), peak, result));
    }

    /** {@code amount / seconds}, or n/a when there is nothing to divide by (grep on a tiny log takes 0.00 s). */
    private static String rate(double amount, double seconds) {
        if (!(seconds > 0) || Double.isNaN(amount)) {
            return "n/a";
        }
        double r = amount / seconds;
        return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 1 ? "%.1f" : "%.3f", r);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {@code 64k}, {@code 20m}, {@code 1g} (binary units) or plain bytes. */
    public static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size '" + s + "': expected a positive number with k, m or g, e.g. 1g");
        }
    }

    /** Peak resident set of this JVM, from /proc/self/status (Linux), or n/a. */
    static String vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "n/a";
    }

    /** Writes a log in the reference firmware's mbedtls format: boots of many sessions with ports. */
    static final class GeneratedLog {
        static final String FIRST_LINE = "main.c:169: |3| boot 1, reset cause: power-on, image bench, firmware refboard 0.1.0";
        private final OutputStream out;
        private final int dumpRows;
        private static final HexFormat HEX = HexFormat.of();
        private final Random bytes = new Random(1); // the same log for the same size, run after run
        private long lines;

        private GeneratedLog(OutputStream out, int dumpRows) {
            this.out = out;
            this.dumpRows = dumpRows;
        }

        record Counts(long lines, long sessions) {
        }

        static Counts write(Path file, long size, int dumpRows) throws IOException {
            Counts counts;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                GeneratedLog log = new GeneratedLog(out, dumpRows);
                long sessions = log.writeSessions(size);
                counts = new Counts(log.lines, sessions);
            }
            // On disk before anything is timed: the kernel writing a gigabyte back later would land in
            // the middle of some timing, a different one each run.
            try (FileChannel written = FileChannel.open(file, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            return counts;
        }

        private long writeSessions(long size) throws IOException {
            long written = 0;
            long sessions = 0;
            int boot = 1;
            written += line(out, FIRST_LINE);
            while (written < size) {
                int port = 32768 + (int) (sessions % 28000);
                String ctx = "0x7f1a3c00" + (sessions % 2 == 0 ? "0d50" : "1350");
                String p = ", port " + port;
                written += line(out, "tls_server.c:306: |3| accepted connection from 127.0.0.1" + p);
                written += line(out, "./library/ssl_tls.c:5804: |2| " + ctx + ": => handshake" + p);
                for (int s = 0; s <= 16; s++) {
                    written += line(out, "./library/ssl_srv.c:4511: |2| " + ctx + ": server state: " + s + p);
                }
                written += line(out, "./library/ssl_msg.c:2110: |4| " + ctx + ": dumping 'input record header' (5 bytes)" + p);
                written += line(out, "./library/ssl_msg.c:2110: |4| " + ctx + ": 0000:  16 03 03 00 c4                                   ....." + p);
                if (dumpRows > 0) {
                    written += line(out, "./library/ssl_msg.c:2110: |4| " + ctx + ": dumping 'input record from network' ("
                            + 16 * dumpRows + " bytes)" + p);
                    for (int row = 0; row < dumpRows; row++) {
                        written += line(out, "./library/ssl_msg.c:2110: |4| " + ctx + ": " + dumpRow(row) + p);
                    }
                }
                switch ((int) (sessions % 4)) {
                    case 0, 1 -> {
                        written += line(out, "./library/ssl_tls.c:5815: |2| " + ctx + ": <= handshake" + p);
                        written += line(out, "httpd.c:207: |3| GET /style.css" + p);
                        written += line(out, "tls_server.c:236: |3| connection closed (close notify)" + p);
                    }
                    case 2 -> {
                        written += line(out, "./library/ssl_msg.c:4698: |2| " + ctx + ": got an alert message, type: [2:46]" + p);
                        written += line(out, "./library/ssl_msg.c:4705: |1| " + ctx + ": is a fatal alert message (msg 46)" + p);
                        written += line(out, "tls_server.c:209: |1| mbedtls_ssl_handshake failed: -0x7780" + p);
                        written += line(out, "tls_server.c:236: |3| connection closed (error -0x7780)" + p);
                    }
                    default -> {
                        written += line(out, "./library/ssl_srv.c:1416: |1| " + ctx + ": mbedtls_ssl_fetch_input() returned -29312 (-0x7280)" + p);
                        written += line(out, "tls_server.c:236: |3| connection closed (eof)" + p);
                    }
                }
                sessions++;
                if (sessions % 10_000 == 0) {
                    boot++;
                    written += line(out, "main.c:169: |3| boot " + boot + ", reset cause: soft, image bench, firmware refboard 0.1.0");
                }
            }
            return sessions;
        }

        /** {@code 0010:  8f 1c ...  text}: mbedTLS's hex dump row of 16 random bytes. */
        private String dumpRow(int row) {
            StringBuilder hex = new StringBuilder(HEX.toHexDigits((short) (16 * row))).append(":  ");
            StringBuilder text = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                int b = bytes.nextInt(256);
                hex.append(HEX.toHexDigits((byte) b)).append(' ');
                text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            return hex.append(' ').append(text).toString();
        }

        private int line(OutputStream out, String text) throws IOException {
            lines++;
            byte[] b = (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(b);
            return b.length;
        }
    }
}
