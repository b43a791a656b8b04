package io.hilharness.diagnose;

/**
 * The few tests the rules need to tell a pattern from chance. None of the project's libraries offers
 * them, and they are small enough to keep here, tested against published values.
 */
public final class Statistics {
    private Statistics() {
    }

    /**
     * Fisher's exact test of a 2x2 table, two-sided: the probability, with the margins fixed, of a
     * table at most as likely as the observed one.
     *
     * <pre>
     *            fail  ok
     *   group 1   a    b
     *   group 2   c    d
     * </pre>
     */
    public static double fisherExactTwoSided(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        long row1 = a + b;
        long row2 = c + d;
        long col1 = a + c;
        long n = row1 + row2;
        if (n == 0) {
            return 1.0;
        }
        double observed = logHypergeometric(a, row1, row2, col1, n);
        // Ties up to rounding count as "as likely", as in R's fisher.test.
        double tolerance = 1e-7;
        double p = 0;
        for (long x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
            double lp = logHypergeometric(x, row1, row2, col1, n);
            if (lp <= observed + Math.log1p(tolerance)) {
                p += Math.exp(lp);
            }
        }
        return Math.min(1.0, p);
    }

    /** Fisher's test of "group 1 fails more often than group 2" (one-sided, greater). */
    public static double fisherExactGreater(long a, long b, long c, long d) {
        long row1 = a + b;
        long row2 = c + d;
        long col1 = a + c;
        long n = row1 + row2;
        if (n == 0) {
            return 1.0;
        }
        double p = 0;
        for (long x = a; x <= Math.min(row1, col1); x++) {
            p += Math.exp(logHypergeometric(x, row1, row2, col1, n));
        }
        return Math.min(1.0, p);
    }

    private static double logHypergeometric(long x, long row1, long row2, long col1, long n) {
        return logChoose(row1, x) + logChoose(row2, col1 - x) - logChoose(n, col1);
    }

    private static double logChoose(long n, long k) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
    }

    /** Result of a chi-square test of homogeneity. */
    public record ChiSquare(double statistic, int degreesOfFreedom, double p) {
    }

    /**
     * Pearson's chi-square test that the failure rate is the same in every group (a 2 x k table:
     * failures and successes per group). Groups with no observations are left out.
     */
    public static ChiSquare chiSquareHomogeneity(long[] failures, long[] successes) {
        if (failures.length != successes.length) {
            throw new IllegalArgumentException("one failure and one success count per group");
        }
        long totalFail = 0;
        long total = 0;
        int groups = 0;
        for (int i = 0; i < failures.length; i++) {
            totalFail += failures[i];
            total += failures[i] + successes[i];
            if (failures[i] + successes[i] > 0) {
                groups++;
            }
        }
        if (groups < 2 || totalFail == 0 || totalFail == total) {
            return new ChiSquare(0, Math.max(0, groups - 1), 1.0);
        }
        double failRate = (double) totalFail / total;
        double statistic = 0;
        for (int i = 0; i < failures.length; i++) {
            long size = failures[i] + successes[i];
            if (size == 0) {
                continue;
            }
            double expectedFail = size * failRate;
            double expectedOk = size - expectedFail;
            statistic += square(failures[i] - expectedFail) / expectedFail + square(successes[i] - expectedOk) / expectedOk;
        }
        int df = groups - 1;
        return new ChiSquare(statistic, df, chiSquareSurvival(statistic, df));
    }

    /** P(X >= x) for a chi-square distribution with {@code df} degrees of freedom. */
    public static double chiSquareSurvival(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return regularizedGammaQ(df / 2.0, x / 2.0);
    }

    private static double square(double v) {
        return v * v;
    }

    /** Q(a, x) = 1 - P(a, x): a power series below a + 1, a continued fraction (Lentz) above. */
    static double regularizedGammaQ(double a, double x) {
        if (x < a + 1) {
            return 1.0 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;

    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    /** ln Gamma(x) for x > 0 (Lanczos approximation, g = 7, about 15 significant digits). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection keeps the approximation in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** A p-value as reports show it: {@code 0.4857}, {@code 3.2e-09}. */
    public static String formatP(double p) {
        return p >= 0.001 ? String.format(java.util.Locale.ROOT, "%.4f", p)
                : String.format(java.util.Locale.ROOT, "%.1e", p);
    }
}
