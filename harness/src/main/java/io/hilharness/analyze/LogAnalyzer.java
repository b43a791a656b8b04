package io.hilharness.analyze;

import io.hilharness.console.ConsoleLine;
import io.hilharness.console.LineFramer;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Streams one captured log (plain text, or the harness's raw capture: both are the console's bytes)
 * through the line framer, a fresh parser (so the format is detected per stream) and a
 * {@link SessionTracker}. Reads with a fixed buffer, so memory does not grow with the file.
 *
 * <p>Offline there is no receive time per line: every line is stamped with the file's
 * modification time.
 */
public final class LogAnalyzer {

    static final int BUFFER = 1 << 16;

    private final Supplier<LogFormat> formats;

    /** @param formats a new format per file (auto-detection is stateful) */
    public LogAnalyzer(Supplier<LogFormat> formats) {
        this.formats = formats;
    }

    /** Totals for one file. */
    public record FileStats(Path file, String format, long bytes, long lines, long unrecognisedLines) {
    }

    /**
     * Analyzes {@code file}, handing sessions and boots to {@code listener} as they end.
     *
     * @param progress receives the number of bytes read so far, after each buffer
     */
    public FileStats analyze(Path file, SessionTracker.Listener listener, LongConsumer progress) throws IOException {
        DeviceLogParser parser = new DeviceLogParser(formats.get());
        SessionTracker tracker = new SessionTracker(listener);
        long[] counts = new long[2];
        Clock clock = Clock.fixed(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
        LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, 0, clock, (ConsoleLine line) -> {
            counts[0]++;
            for (DeviceEvent e : parser.accept(line)) {
                count(e, counts);
                tracker.accept(e);
            }
        });
        byte[] buf = new byte[BUFFER];
        long read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                framer.feed(buf, 0, n);
                read += n;
                progress.accept(read);
            }
        }
        framer.flush();
        for (DeviceEvent e : parser.flush()) {
            count(e, counts);
            tracker.accept(e);
        }
        tracker.finish();
        return new FileStats(file, parser.format().name(), read, counts[0], counts[1]);
    }

    private static void count(DeviceEvent e, long[] counts) {
        if (e.format() == null && e.type() == io.hilharness.devlog.EventType.OTHER) {
            counts[1]++;
        }
    }
}
