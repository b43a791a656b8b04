package io.hilharness.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Whether heap, descriptors and threads stayed flat over a soak. Flat means: the highest value in the
 * last third of the soak is at most a fixed margin above the highest value in its first fifth (for
 * 30 minutes: last 10 minutes against the first 6), the baseline taken before the board ran left out
 * (when the first fifth holds no other sample, the first one after it stands in). Comparing window maxima, not single samples,
 * ignores one-off peaks (a GC that came late, a connection in the middle of closing); the start
 * window absorbs warm-up (class loading, JIT, pools filling). A leak of one descriptor or one thread
 * per boot or per round exceeds the margins within minutes.
 */
public record SoakVerdict(List<Resource> resources) {
    /** Heap may settle a few MB higher once every code path has run once. */
    public static final long HEAP_MARGIN_BYTES = 16L * 1024 * 1024;
    public static final long FD_MARGIN = 4;
    public static final long THREAD_MARGIN = 4;

    /**
     * @param startMax highest value in the first fifth; endMax highest value in the last third
     */
    public record Resource(String name, long first, long last, long max, long startMax, long endMax, long margin) {
        public long growth() {
            return endMax - startMax;
        }

        public boolean flat() {
            return growth() <= margin;
        }
    }

    public static SoakVerdict of(List<SoakSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a soak verdict needs at least one sample");
        }
        Duration total = samples.get(samples.size() - 1).elapsed();
        // The first sample is taken before the board is flashed: the campaign's own threads and
        // descriptors (console, board process) are not open yet, so it cannot stand for the start.
        List<SoakSample> running = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
        List<SoakSample> start = window(running, s -> s.elapsed().compareTo(total.dividedBy(5)) <= 0, running.get(0));
        List<SoakSample> end = window(samples, s -> s.elapsed().compareTo(total.minus(total.dividedBy(3))) >= 0,
                samples.get(samples.size() - 1));
        List<Resource> resources = new ArrayList<>();
        resources.add(resource("heap", samples, start, end, SoakSample::heapBytes, HEAP_MARGIN_BYTES));
        resources.add(resource("fds", samples, start, end, SoakSample::openFds, FD_MARGIN));
        resources.add(resource("threads", samples, start, end, SoakSample::threads, THREAD_MARGIN));
        return new SoakVerdict(List.copyOf(resources));
    }

    public boolean flat() {
        return resources.stream().allMatch(Resource::flat);
    }

    private static List<SoakSample> window(List<SoakSample> samples, Predicate<SoakSample> in,
                                           SoakSample fallback) {
        List<SoakSample> window = samples.stream().filter(in).toList();
        return window.isEmpty() ? List.of(fallback) : window;
    }

    private static Resource resource(String name, List<SoakSample> all, List<SoakSample> start, List<SoakSample> end,
                                     ToLongFunction<SoakSample> value, long margin) {
        return new Resource(name, value.applyAsLong(all.get(0)), value.applyAsLong(all.get(all.size() - 1)),
                max(all, value), max(start, value), max(end, value), margin);
    }

    private static long max(List<SoakSample> samples, ToLongFunction<SoakSample> value) {
        return samples.stream().mapToLong(value).max().orElseThrow();
    }
}
