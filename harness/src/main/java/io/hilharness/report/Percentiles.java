package io.hilharness.report;

import java.util.List;

/** Nearest-rank percentiles, enough for a summary table. */
final class Percentiles {
    private Percentiles() {
    }

    /** @return the p-th percentile (0 < p <= 100) of the values, or null when there are none */
    static Long of(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
