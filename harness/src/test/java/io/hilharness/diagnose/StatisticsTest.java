package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values from R's fisher.test / chisq.test (the same as SciPy's). */
class StatisticsTest {
    @Test
    void fisherExactTwoSidedMatchesKnownValues() {
        assertEquals(0.4857142857, Statistics.fisherExactTwoSided(3, 1, 1, 3), 1e-9);
        assertEquals(1.0825088224e-5, Statistics.fisherExactTwoSided(10, 0, 0, 10), 1e-13);
        assertEquals(4.5095150768e-5, Statistics.fisherExactTwoSided(0, 20, 12, 8), 1e-13);
        assertEquals(1.0, Statistics.fisherExactTwoSided(5, 5, 5, 5), 1e-12);
        assertEquals(1.0, Statistics.fisherExactTwoSided(0, 0, 0, 0));
    }

    @Test
    void fisherExactOneSided() {
        assertEquals(0.0244755245, Statistics.fisherExactGreater(8, 2, 1, 5), 1e-9);
        assertEquals(1.0, Statistics.fisherExactGreater(0, 10, 5, 5), 1e-12);
    }

    @Test
    void chiSquareHomogeneityMatchesKnownValues() {
        Statistics.ChiSquare chi = Statistics.chiSquareHomogeneity(new long[] {5, 10, 15}, new long[] {20, 15, 10});
        assertEquals(8.3333333333, chi.statistic(), 1e-9);
        assertEquals(2, chi.degreesOfFreedom());
        assertEquals(0.0155038536, chi.p(), 1e-9);
    }

    @Test
    void chiSquareKeepsSmallPValues() {
        Statistics.ChiSquare chi = Statistics.chiSquareHomogeneity(new long[] {0, 50}, new long[] {50, 0});
        assertEquals(100, chi.statistic(), 1e-9);
        assertEquals(1.5239706048e-23, chi.p(), 1e-31);
    }

    @Test
    void noVariationMeansNoEvidence() {
        assertEquals(1.0, Statistics.chiSquareHomogeneity(new long[] {0, 0}, new long[] {10, 10}).p());
        assertEquals(1.0, Statistics.chiSquareHomogeneity(new long[] {3}, new long[] {10}).p());
    }

    @Test
    void pValuesAreFormattedForReading() {
        assertEquals("0.4857", Statistics.formatP(0.4857142857));
        assertEquals("1.1e-05", Statistics.formatP(1.0825e-5));
    }
}
