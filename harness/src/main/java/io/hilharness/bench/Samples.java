package io.hilharness.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Durations measured by a benchmark, in nanoseconds, with nearest-rank percentiles. Kept apart from
 * the report's millisecond percentiles because loopback rounds differ by fractions of a millisecond.
 */
public final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    public void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    public int count() {
        return nanos.size();
    }

    public long totalNanos() {
        return nanos.stream().mapToLong(Long::longValue).sum();
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds; NaN when there are no samples. */
    public double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    /** Samples per second of the time they took together: the rate of a loop doing nothing else. */
    public double perSecond() {
        long total = totalNanos();
        return total == 0 ? Double.NaN : nanos.size() / (total / 1e9);
    }
}
