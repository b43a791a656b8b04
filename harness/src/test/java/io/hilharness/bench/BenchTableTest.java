package io.hilharness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void rendersAnAlignedMarkdownTableWithNotes() {
        String text = new BenchTable("title", "metric", "figure", "baseline")
                .row("rounds/s", "9.5", "10.0")
                .note("verdict: PASS")
                .render();

        assertEquals("""
                title

                | metric   | figure | baseline |
                | -------- | ------ | -------- |
                | rounds/s | 9.5    | 10.0     |

                verdict: PASS
                """, text);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new BenchTable("t", "a", "b").row("only one"));
    }

    @Test
    void numbersAndRatiosAreFixedPointAndNaNIsNotAvailable() {
        assertEquals("0.95", BenchTable.ratio(9.5, 10));
        assertEquals("n/a", BenchTable.number(Double.NaN, 1));
        assertEquals("n/a", BenchTable.ratio(1, 0));
    }

    @Test
    void percentilesAreNearestRankInMillisecondsAndRateCountsPerSecondOfTotalTime() {
        Samples samples = new Samples();
        for (int ms = 1; ms <= 100; ms++) {
            samples.add(ms * 1_000_000L);
        }
        assertEquals(50.0, samples.percentileMillis(50));
        assertEquals(99.0, samples.percentileMillis(99));
        assertEquals(100.0, samples.percentileMillis(100));
        // 100 samples taking 5.05 s together
        assertEquals(100 / 5.05, samples.perSecond(), 1e-9);
        assertTrue(Double.isNaN(new Samples().percentileMillis(50)));
    }
}
