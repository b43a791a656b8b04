package io.hilharness.analyze;

import io.hilharness.console.LineFramer;
import io.hilharness.devlog.AutoDetectFormat;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormat;
import io.hilharness.devlog.LwipFormat;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Streams one captured log (plain text, or the harness's raw capture: both are the console's bytes)
 * through the line framer, a fresh parser (so the format is detected per stream) and a
 * {@link SessionTracker}. Reads with fixed buffers, so memory does not grow with the file. A log of
 * several stretches is read on every core ({@link ChunkedAnalysis}), with exactly the result of
 * reading it in one go.
 *
 * <p>Offline there is no receive time per line: every line is stamped with the file's
 * modification time.
 */
public final class LogAnalyzer {

    /** Logs are cut into stretches of about this size to be read on several cores. */
    static final long CHUNK = 16L << 20;

    private final Supplier<LogFormat> formats;
    private final long chunk;

    /** @param formats a new format per file (auto-detection is stateful) */
    public LogAnalyzer(Supplier<LogFormat> formats) {
        this(formats, CHUNK);
    }

    /** With another stretch size: tests cut small logs into many stretches. */
    LogAnalyzer(Supplier<LogFormat> formats, long chunk) {
        this.formats = formats;
        this.chunk = chunk;
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
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        LogFormat first = formats.get();
        boolean gzip = file.getFileName().toString().endsWith(RunFolder.GZIP);
        if (!Files.isRegularFile(file) || gzip) {
            // A pipe (hil analyze <(zcat log.gz)) or a compressed run's console.raw.gz: no size to cut
            // by, no second look; read it as it comes.
            Pipeline whole = new Pipeline(first, 0, modified);
            whole.lead(listener, 0);
            long[] read = new long[1];
            try (InputStream in = gzip ? RunFolder.open(file) : Files.newInputStream(file)) {
                whole.feed(in, n -> {
                    read[0] = n;
                    progress.accept(n);
                });
            }
            whole.finish(true);
            return new FileStats(file, whole.formatName(), read[0], whole.lines(), whole.unrecognised());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int cores = Runtime.getRuntime().availableProcessors();
            Supplier<LogFormat> decided = cores > 1 && size >= 2 * chunk ? laterFormats(channel, first) : null;
            if (decided == null) {
                Pipeline whole = new Pipeline(first, 0, modified);
                whole.lead(listener, 0);
                for (long at = 0; at < size; at += Pipeline.BUFFER * 256L) {
                    whole.feed(channel, at, Math.min(size, at + Pipeline.BUFFER * 256L));
                    progress.accept(Math.min(size, at + Pipeline.BUFFER * 256L));
                }
                size = whole.readGrowth(channel, size, progress);
                whole.finish(true);
                return new FileStats(file, whole.formatName(), size, whole.lines(), whole.unrecognised());
            }
            ExecutorService workers = Executors.newFixedThreadPool(cores, daemon());
            try {
                ChunkedAnalysis.Result r = new ChunkedAnalysis(channel, size, chunk, modified, workers)
                        .run(first, decided, listener, progress);
                return new FileStats(file, first.name(), r.bytes(), r.lines(), r.unrecognised());
            } finally {
                workers.shutdownNow();
            }
        }
    }

    /**
     * Formats for stretches after the first: the first stretch's format itself, or for auto-detection
     * a detector decided as the first lines decide it. Null (read it all in one go) when no line near
     * the start is recognised: a later stretch could not know what the earlier ones decided.
     */
    private Supplier<LogFormat> laterFormats(FileChannel channel, LogFormat first) throws IOException {
        if (first instanceof LwipFormat) {
            return null; // an lwIP line's connection is known from the lines before it only
        }
        if (!(first instanceof AutoDetectFormat)) {
            return formats;
        }
        AutoDetectFormat probe = (AutoDetectFormat) formats.get();
        DeviceLogParser parser = DeviceLogParser.inLineOrder(probe);
        LineFramer framer = new LineFramer(parser::accept); // stops mattering once decided
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(Pipeline.BUFFER);
        for (long at = 0; at < chunk && probe.decided().isEmpty(); ) {
            buf.clear();
            int n = channel.read(buf, at);
            if (n <= 0) {
                break;
            }
            framer.feed(buf.array(), 0, n);
            at += n;
        }
        boolean lwip = probe.decided().filter(LwipFormat.class::isInstance).isPresent();
        return probe.continuation().isEmpty() || lwip ? null : () -> probe.continuation().orElseThrow();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread t = new Thread(task, "hil-analyze");
            t.setDaemon(true);
            return t;
        };
    }
}
