package io.hilharness.soak;

import java.time.Duration;
import java.util.Locale;

/** The soak's terminal lines: one per sample, and the summary with the verdict. */
public final class SoakReport {
    static final String HEADER = String.format(Locale.ROOT, "%-9s %6s %7s %7s %9s %5s %7s",
            "elapsed", "boots", "rounds", "failed", "heap MB", "fds", "threads");

    private SoakReport() {
    }

    static String line(SoakSample s) {
        return String.format(Locale.ROOT, "%-9s %6d %7d %7d %9.1f %5d %7d", duration(s.elapsed()), s.boots(), s.rounds(),
                s.failedRounds(), mb(s.heapBytes()), s.openFds(), s.threads());
    }

    /** The summary: counts, first/last/max of each resource, and the verdict with its rule. */
    public static String summary(SoakSample last, int softBoots, int bootsNotReady, SoakVerdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "soak summary: %s, %d boots (%d soft, %d hard resets incl. power-on), "
                        + "%d not ready, %d rounds, %d failed%n", duration(last.elapsed()), last.boots(), softBoots,
                last.boots() - softBoots, bootsNotReady, last.rounds(), last.failedRounds()));
        out.append(String.format(Locale.ROOT, "  %-8s %9s %9s %9s %12s %12s %8s %8s%n",
                "", "first", "last", "max", "start max", "end max", "growth", "margin"));
        for (SoakVerdict.Resource r : verdict.resources()) {
            boolean heap = r.name().equals("heap");
            out.append(String.format(Locale.ROOT, "  %-8s %9s %9s %9s %12s %12s %8s %8s  %s%n",
                    heap ? "heap MB" : r.name(), value(r.first(), heap), value(r.last(), heap), value(r.max(), heap),
                    value(r.startMax(), heap), value(r.endMax(), heap), signed(r.growth(), heap), value(r.margin(), heap),
                    r.flat() ? "flat" : "GROWING"));
        }
        out.append("  (start = first fifth of the soak, end = last third; flat = end max at most the margin above start max)")
                .append(System.lineSeparator());
        out.append(verdict.flat() ? "verdict: FLAT: heap, descriptors and threads stayed flat"
                : "verdict: GROWING: " + verdict.resources().stream().filter(r -> !r.flat()).map(SoakVerdict.Resource::name)
                        .reduce((a, b) -> a + ", " + b).orElse("")).append(System.lineSeparator());
        return out.toString();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private static String value(long v, boolean heap) {
        return heap ? String.format(Locale.ROOT, "%.1f", mb(v)) : Long.toString(v);
    }

    private static String signed(long v, boolean heap) {
        return (v >= 0 ? "+" : "") + value(v, heap);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
