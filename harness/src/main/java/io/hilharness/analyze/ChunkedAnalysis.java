package io.hilharness.analyze;

import io.hilharness.devlog.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Analyzes a long log on several cores. The log is cut at boot banners into stretches of about
 * {@code chunk} bytes, each read by its own {@link Pipeline} on a worker thread, and the results are
 * put back together in log order. A cut is kept only where the sequential reading would have started
 * afresh anyway (a new boot: every session ends there); otherwise the stretch is read again by the
 * pipeline before it, so the result is always exactly the sequential one.
 *
 * <p>Memory stays flat: only a few stretches are in flight, and the leading pipeline hands its
 * findings on as they come.
 */
final class ChunkedAnalysis {

    /** Stretches read ahead of the one being joined: enough to keep every worker busy. */
    private static final int AHEAD = 4;

    private final FileChannel file;
    private final long size;
    private final long chunk;
    private final Instant modified;
    private final ExecutorService workers;
    private final BootBanners banners;

    private record Stretch(long from, long to, Future<Pipeline> read) {
    }

    ChunkedAnalysis(FileChannel file, long size, long chunk, Instant modified, ExecutorService workers) {
        this.file = file;
        this.size = size;
        this.chunk = chunk;
        this.modified = modified;
        this.workers = workers;
        this.banners = new BootBanners(file, size);
    }

    /**
     * Reads the whole file. The first stretch uses {@code first} (auto-detection decides there); each
     * other stretch a format from {@code decided}: one as the first stretch's lines left it.
     */
    Result run(LogFormat first, Supplier<LogFormat> decided, SessionTracker.Listener listener, LongConsumer progress)
            throws IOException {
        long firstEnd = nextCut(0);
        Pipeline head = new Pipeline(first, 0, modified);
        Deque<Stretch> ahead = new ArrayDeque<>();
        long planned = firstEnd;
        while (ahead.size() < AHEAD && planned < size) {
            planned = plan(ahead, planned, decided);
        }
        head.lead(listener, 0);
        head.feed(file, 0, firstEnd);
        progress.accept(firstEnd);
        long linesBefore = 0;
        long unrecognised = 0;
        while (!ahead.isEmpty()) {
            Stretch next = ahead.removeFirst();
            Pipeline read = await(next.read());
            if (head.endsWhereStarts(read)) {
                head.finish(false);
                linesBefore += head.lines();
                unrecognised += head.unrecognised();
                head = read;
                head.lead(listener, linesBefore);
            } else {
                head.feed(file, next.from(), next.to()); // not a clean cut: read on as one
            }
            progress.accept(next.to());
            if (planned < size) {
                planned = plan(ahead, planned, decided);
            }
        }
        long bytes = head.readGrowth(file, size, progress);
        head.finish(true);
        return new Result(linesBefore + head.lines(), unrecognised + head.unrecognised(), bytes);
    }

    /** Lines read, lines no format recognised, and bytes read (more than at the start if the log grew). */
    record Result(long lines, long unrecognised, long bytes) {
    }

    private long plan(Deque<Stretch> ahead, long from, Supplier<LogFormat> decided) throws IOException {
        long to = nextCut(from);
        LogFormat format = decided.get();
        Future<Pipeline> read = workers.submit(() -> {
            Pipeline p = new Pipeline(format, from, modified);
            p.feed(file, from, to);
            return p;
        });
        ahead.addLast(new Stretch(from, to, read));
        return to;
    }

    /** The first banner at least a chunk after {@code from}, or the end of the file. */
    private long nextCut(long from) throws IOException {
        for (long at = from + chunk; at < size; at += chunk) {
            long cut = banners.lineStartAfter(at, chunk);
            if (cut > from) {
                return cut;
            }
        }
        return size;
    }

    private static Pipeline await(Future<Pipeline> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }
}
