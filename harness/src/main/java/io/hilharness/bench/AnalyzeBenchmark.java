package io.hilharness.bench;

import io.hilharness.analyze.JsonReport;
import io.hilharness.analyze.LogAnalyzer;
import io.hilharness.devlog.LogFormats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@code hil analyze} next to {@code grep -c} on the same generated log, in the same
 * run, with peak memory of each. Not a test (timings are measured, never asserted):
 * <pre>
 * java -cp harness/target/hil.jar:harness/target/lib/* io.hilharness.bench.AnalyzeBenchmark --size 1g
 * </pre>
 * Options: {@code --size N[k|m|g]} (default 1g), {@code --dir D} (default: a temp folder),
 * {@code --keep} (leave the log behind).
 */
public final class AnalyzeBenchmark {

    private AnalyzeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = 1L << 30;
        Path dir = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = parseSize(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: AnalyzeBenchmark [--size N[k|m|g]] [--dir DIR] [--keep]");
                    System.exit(2);
                }
            }
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hil-bench");
        Path log = folder.resolve("bench-mbedtls.log");
        try {
            long t0 = System.nanoTime();
            long sessions = GeneratedLog.write(log, size);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(log);
            System.out.printf(Locale.ROOT, "generated %s: %.1f MB, %d sessions, in %.1f s%n", log, bytes / 1e6, sessions, genSeconds);

            long a0 = System.nanoTime();
            LogAnalyzer.FileStats stats;
            try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream())) {
                stats = new LogAnalyzer(LogFormats::autoDetect).analyze(log, new JsonReport(sink), n -> { });
            }
            double analyzeSeconds = (System.nanoTime() - a0) / 1e9;
            String jvmPeak = vmHwm();

            GrepResult grep = grep(log);
            System.out.println();
            System.out.printf(Locale.ROOT, "| tool | time (s) | throughput (MB/s) | peak RSS | result |%n");
            System.out.printf(Locale.ROOT, "|---|---|---|---|---|%n");
            System.out.printf(Locale.ROOT, "| hil analyze (JSON to /dev/null) | %.2f | %.0f | %s (JVM VmHWM) | %d lines |%n",
                    analyzeSeconds, bytes / 1e6 / analyzeSeconds, jvmPeak, stats.lines());
            System.out.printf(Locale.ROOT, "| grep -c handshake | %.2f | %.0f | %s | %s matches |%n",
                    grep.seconds, bytes / 1e6 / grep.seconds, grep.peak, grep.count);
        } finally {
            if (!keep) {
                Files.deleteIfExists(log);
                if (dir == null) {
                    Files.deleteIfExists(folder);
                }
            }
        }
    }

    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * unit;
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

    private record GrepResult(double seconds, String count, String peak) {
    }

    private static GrepResult grep(Path log) throws IOException, InterruptedException {
        boolean timeV = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> cmd = new ArrayList<>();
        if (timeV) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        cmd.addAll(List.of("grep", "-c", "handshake", log.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String peak = "n/a";
        for (String line : err.split("\n")) {
            if (line.contains("Maximum resident set size")) {
                peak = line.substring(line.lastIndexOf(':') + 1).trim() + " kB";
            }
        }
        return new GrepResult(seconds, out, peak);
    }

    /** Writes a log in the reference firmware's mbedtls format: boots of many sessions with ports. */
    static final class GeneratedLog {
        private GeneratedLog() {
        }

        static long write(Path file, long size) throws IOException {
            long written = 0;
            long sessions = 0;
            int boot = 1;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                written += line(out, "main.c:169: |3| boot 1, reset cause: power-on, image bench, firmware refboard 0.1.0");
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
            }
            return sessions;
        }

        private static int line(OutputStream out, String text) throws IOException {
            byte[] b = (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(b);
            return b.length;
        }
    }
}
