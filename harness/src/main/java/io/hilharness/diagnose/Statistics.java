package io.hilharness.diagnose;

import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * The few tests the rules need to tell a pattern from chance, on Apache Commons Math: Fisher's exact
 * test of a 2x2 table and Pearson's chi-square test of equal failure rates.
 */
public final class Statistics {
    /** Tables as likely as the observed one up to this relative difference count as "as likely", as in R's fisher.test. */
    private static final double TIE_TOLERANCE = 1e-7;

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
        if (aMarginIsZero(a, b, c, d)) {
            return 1.0;
        }
        HypergeometricDistribution group1Failures = withMarginsOf(a, b, c, d);
        double observed = group1Failures.logProbability(Math.toIntExact(a));
        double p = IntStream.rangeClosed(group1Failures.getSupportLowerBound(), group1Failures.getSupportUpperBound())
                .mapToDouble(group1Failures::logProbability)
                .filter(lp -> lp <= observed + Math.log1p(TIE_TOLERANCE))
                .map(Math::exp)
                .sum();
        return Math.min(1.0, p);
    }

    /** Fisher's test of "group 1 fails more often than group 2" (one-sided, greater). */
    public static double fisherExactGreater(long a, long b, long c, long d) {
        if (aMarginIsZero(a, b, c, d)) {
            return 1.0;
        }
        return Math.min(1.0, withMarginsOf(a, b, c, d).upperCumulativeProbability(Math.toIntExact(a)));
    }

    /**
     * With a row or column empty only one table has these margins, so it is certain (p = 1); the
     * library's saddle-point formula gives NaN there.
     */
    private static boolean aMarginIsZero(long a, long b, long c, long d) {
        return a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0;
    }

    /** The distribution of group 1's failures when the table's margins are fixed. */
    private static HypergeometricDistribution withMarginsOf(long a, long b, long c, long d) {
        // No random generator: nothing is sampled, and seeding one costs more than the test.
        return new HypergeometricDistribution(null, Math.toIntExact(a + b + c + d), Math.toIntExact(a + c),
                Math.toIntExact(a + b));
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
        int[] observed = IntStream.range(0, failures.length).filter(i -> failures[i] + successes[i] > 0).toArray();
        long[][] table = {
            IntStream.of(observed).mapToLong(i -> failures[i]).toArray(),
            IntStream.of(observed).mapToLong(i -> successes[i]).toArray()};
        long totalFail = IntStream.of(observed).mapToLong(i -> failures[i]).sum();
        long totalOk = IntStream.of(observed).mapToLong(i -> successes[i]).sum();
        if (observed.length < 2 || totalFail == 0 || totalOk == 0) {
            return new ChiSquare(0, Math.max(0, observed.length - 1), 1.0);
        }
        double statistic = new ChiSquareTest().chiSquare(table);
        int df = observed.length - 1;
        // Q(df/2, x/2) directly: the library's own p-value is 1 - cdf, which rounds small p-values to 0.
        return new ChiSquare(statistic, df, Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0));
    }

    /** A p-value as reports show it: {@code 0.4857}, {@code 3.2e-09}. */
    public static String formatP(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.1e", p);
    }
}
