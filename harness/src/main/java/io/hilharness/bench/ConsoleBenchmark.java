package io.hilharness.bench;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.HostBoard;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import io.hilharness.console.SerialTransport;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormats;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Console capture under flood: the reference board writes {@code bytes} of log lines as fast as its
 * pty takes them, once into the harness's console path exactly as a campaign opens it (jSerialComm,
 * raw capture, line framing, the device log parser), then, in the same run, into a bare jSerialComm
 * read loop that only counts bytes. Each reader first gets a smaller warm-up flood that is not
 * measured (the JIT compiles the path then). Timings are measured here, never asserted.
 */
public final class ConsoleBenchmark {

    private static final Pattern FLOOD_END = Pattern.compile(FloodLines.DONE.pattern() + "|" + FloodLines.ABORTED.pattern());

    private final ProjectLayout layout;
    private final String imageName;
    private final long bytes;
    private final Duration timeout;

    public ConsoleBenchmark(ProjectLayout layout, String imageName, long bytes, Duration timeout) {
        this.layout = layout;
        this.imageName = imageName;
        this.bytes = bytes;
        this.timeout = timeout;
    }

    /**
     * One reader's flood.
     *
     * @param firmwareBytes flood bytes the firmware says it wrote (its final line)
     * @param readBytes     flood bytes the reader got (for the harness: the flood's span in console.raw)
     * @param lines         flood lines the reader saw as parsed events (harness), -1 when it does not frame (bare)
     * @param gaps          breaks in the lines' sequence numbers (harness only)
     * @param p50Micros     line latency, device write to parsed event delivered, -1 when not measured
     */
    public record Flood(String reader, long firmwareBytes, long firmwareLines, long readBytes, long lines, long gaps,
                        double seconds, double cpuSeconds, long p50Micros, long p99Micros) {
        public double megabytesPerSecond() {
            return firmwareBytes / 1e6 / seconds;
        }

        public boolean complete() {
            return readBytes == firmwareBytes && lines == firmwareLines && gaps == 0;
        }
    }

    /** Both floods, and whether console.raw holds exactly what the firmware wrote (its tee). */
    public record Result(Flood harness, Flood bare, boolean captureMatchesTee, Path rawCapture) {
    }

    /** Runs the board in {@code workDir} (board folder, console.raw, the firmware's tee). */
    public Result run(Path workDir) throws IOException, ManifestException, BoardException, InterruptedException,
            TimeoutException {
        if (!Files.isExecutable(layout.firmwareBinary())) {
            throw new IOException("reference firmware not built: " + layout.firmwareBinary()
                    + " (run: make -C " + layout.firmwareDir() + ")");
        }
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Path boardDir = workDir.resolve("board");
        Path raw = workDir.resolve("console.raw");
        Path tee = workDir.resolve("uart-sniffer.bin");
        Flood harness;
        Flood bare;
        try (Board board = HostBoard.create("bench-console", boardDir, 0, raw, Optional.of(tee))) {
            Console console = board.console();
            // As Campaign does: one parser on the reader thread, fed every line in order.
            DeviceLogParser parser = new DeviceLogParser(LogFormats.byName(image.manifest().logFormat()));
            FloodRecorder recorder = new FloodRecorder();
            console.addListener(line -> parser.accept(line).forEach(recorder::accept));
            board.flasher().flash(image);
            long mark = console.lastSeq();
            board.resetter(ResetKind.HARD).reset();
            if (console.awaitLine(board.readyPattern(), mark, timeout).isEmpty()) {
                throw new TimeoutException("board not ready within " + timeout.toSeconds() + " s; last lines: "
                        + lastLines(console));
            }
            // A first, smaller flood warms the JIT up, so the figures are the path's steady cost.
            harnessFlood(console, recorder, warmUpBytes());
            recorder.reset();
            harness = harnessFlood(console, recorder, bytes);
            // The bare loop takes the pty over; the board stays powered and idle in between.
            console.close();
            bareFlood(boardDir.resolve("console"), warmUpBytes());
            bare = bareFlood(boardDir.resolve("console"), bytes);
        }
        // The tee also holds the bare flood, which came after the console closed: compare its start.
        return new Result(harness, bare, isPrefix(raw, tee), raw);
    }

    /** A fifth of the flood, at most 4 MB. */
    private long warmUpBytes() {
        return Math.max(1, Math.min(bytes / 5, 4_000_000));
    }

    private Flood harnessFlood(Console console, FloodRecorder recorder, long bytes) throws IOException, TimeoutException {
        long mark = console.lastSeq();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        console.send("flood " + bytes);
        Optional<ConsoleLine> end = console.awaitLine(FLOOD_END, mark, floodTimeout());
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        ConsoleLine done = end.orElseThrow(() -> new TimeoutException("no flood end line within "
                + floodTimeout().toSeconds() + " s; last lines: " + lastLines(console)));
        if (!FloodLines.DONE.matcher(done.text()).find()) {
            throw new IOException("the board gave up: " + done.text());
        }
        FloodLines.Totals totals = FloodLines.Totals.of(done.text());
        long captured = recorder.firstOffset() < 0 ? 0 : done.offset() - recorder.firstOffset();
        return new Flood("harness console (capture + framing + parser)", totals.bytes(), totals.lines(), captured,
                recorder.lines(), recorder.gaps(), (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9,
                recorder.percentileMicros(50), recorder.percentileMicros(99));
    }

    private Flood bareFlood(Path port, long bytes) throws IOException, TimeoutException {
        SerialTransport transport = SerialTransport.byPath(port);
        transport.open();
        try {
            byte[] buf = new byte[16 * 1024];
            StreamTail tail = new StreamTail();
            long read = 0;
            long firstLineEnd = -1;
            long deadline = System.nanoTime() + floodTimeout().toNanos();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            transport.write(("flood " + bytes + "\r\n").getBytes(StandardCharsets.US_ASCII));
            while (!tail.endsWithFloodEnd()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("bare read loop: no flood end line within " + floodTimeout().toSeconds() + " s");
                }
                int n = transport.read(buf);
                if (n < 0) {
                    throw new IOException("bare read loop: console went away after " + read + " bytes");
                }
                if (firstLineEnd < 0) {
                    firstLineEnd = firstNewline(buf, n, read);
                }
                read += n;
                tail.add(buf, n);
            }
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            String last = tail.lastLine();
            if (!FloodLines.DONE.matcher(last).find()) {
                throw new IOException("the board gave up: " + last);
            }
            FloodLines.Totals totals = FloodLines.Totals.of(last);
            // Flood span = everything after the "flood: writing" line, before the final line.
            long span = read - (firstLineEnd + 1) - tail.lastLineLength();
            return new Flood("bare jSerialComm read loop (byte counter)", totals.bytes(), totals.lines(), span,
                    -1, 0, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, -1, -1);
        } finally {
            transport.close();
        }
    }

    private static long firstNewline(byte[] buf, int n, long streamOffset) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                return streamOffset + i;
            }
        }
        return -1;
    }

    /**
     * The last bytes of a stream, enough to hold the final line: the bare loop looks only here, so it
     * costs next to nothing per chunk (the final line is the last thing the firmware writes).
     */
    static final class StreamTail {
        private static final int KEEP = 256;
        private final byte[] tail = new byte[KEEP];
        private int len;

        void add(byte[] buf, int n) {
            if (n >= KEEP) {
                System.arraycopy(buf, n - KEEP, tail, 0, KEEP);
                len = KEEP;
                return;
            }
            int keep = Math.min(len, KEEP - n);
            System.arraycopy(tail, len - keep, tail, 0, keep);
            System.arraycopy(buf, 0, tail, keep, n);
            len = keep + n;
        }

        boolean endsWithFloodEnd() {
            if (len == 0 || tail[len - 1] != '\n') {
                return false;
            }
            String last = lastLine();
            return FloodLines.DONE.matcher(last).find() || FloodLines.ABORTED.matcher(last).find();
        }

        /** The last complete line, terminator included. */
        String lastLine() {
            int start = len - 1;
            while (start > 0 && tail[start - 1] != '\n') {
                start--;
            }
            return new String(tail, start, len - start, StandardCharsets.ISO_8859_1);
        }

        int lastLineLength() {
            return lastLine().length();
        }
    }

    private Duration floodTimeout() {
        return timeout.plusSeconds(bytes / 1_000_000); // generous: a shared machine may read slowly
    }

    private static String lastLines(Console console) {
        return console.tail(5).stream().map(ConsoleLine::text).collect(Collectors.joining(" | "));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Whether {@code tee} starts with exactly the bytes of {@code capture}. */
    static boolean isPrefix(Path capture, Path tee) throws IOException {
        if (Files.size(tee) < Files.size(capture)) {
            return false;
        }
        try (InputStream a = Files.newInputStream(capture); InputStream b = Files.newInputStream(tee)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            for (int n; (n = a.readNBytes(x, 0, x.length)) > 0; ) {
                if (b.readNBytes(y, 0, n) != n || !Arrays.equals(x, 0, n, y, 0, n)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The side-by-side table (markdown). */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("| reader | MB/s | CPU (s) | CPU per MB (ms) | line latency p50 / p99 | flood bytes read / written | lines read / written |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Flood f : new Flood[] {r.harness(), r.bare()}) {
            String latency = f.p50Micros() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f / %.2f ms",
                    f.p50Micros() / 1000.0, f.p99Micros() / 1000.0);
            String lines = (f.lines() < 0 ? "n/a" : Long.toString(f.lines())) + " / " + f.firmwareLines();
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %s | %d / %d | %s |%n", f.reader(),
                    f.megabytesPerSecond(), f.cpuSeconds(), f.cpuSeconds() * 1000 / (f.firmwareBytes() / 1e6),
                    latency, f.readBytes(), f.firmwareBytes(), lines));
        }
        sb.append(String.format(Locale.ROOT, "%nharness flood complete (bytes, lines, no sequence gaps): %s; "
                        + "console.raw identical to the firmware's tee: %s%n",
                r.harness().complete() ? "yes" : "NO (" + r.harness().gaps() + " gaps)", r.captureMatchesTee() ? "yes" : "NO"));
        return sb.toString();
    }
}
