package io.hilharness.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {
    private static final long MB = 1024 * 1024;

    /** 31 samples a minute apart, as a 30-minute soak prints them. */
    private static List<SoakSample> minutes(IntFunction<Long> heap, IntFunction<Integer> fds, IntFunction<Integer> threads) {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 0; m <= 30; m++) {
            samples.add(new SoakSample(Duration.ofMinutes(m), m / 2, m * 50, 0, heap.apply(m), fds.apply(m), threads.apply(m)));
        }
        return samples;
    }

    @Test
    void warmUpAndNoiseWithinTheMarginsAreFlat() {
        // Heap climbs during the first minutes (warm-up), then wobbles; one fd is sometimes open.
        SoakVerdict verdict = SoakVerdict.of(minutes(m -> (m < 3 ? 10 + 5L * m : 24 + m % 3) * MB,
                m -> 50 + m % 2, m -> 12));
        assertTrue(verdict.flat(), verdict.toString());
        SoakVerdict.Resource heap = verdict.resources().get(0);
        assertEquals(10 * MB, heap.first());
        assertEquals(26 * MB, heap.max());
        assertEquals(26 * MB, heap.startMax()); // minutes 0-6
        assertEquals(26 * MB, heap.endMax());   // minutes 20-30
    }

    @Test
    void oneDescriptorPerMinuteIsALeak() {
        SoakVerdict verdict = SoakVerdict.of(minutes(m -> 20 * MB, m -> 50 + m, m -> 12));
        assertFalse(verdict.flat());
        SoakVerdict.Resource fds = verdict.resources().get(1);
        assertEquals("fds", fds.name());
        assertEquals(56, fds.startMax());
        assertEquals(80, fds.endMax());
        assertFalse(fds.flat());
        assertTrue(verdict.resources().get(0).flat() && verdict.resources().get(2).flat());
        assertTrue(SoakReport.summary(minutes(m -> 20 * MB, m -> 50 + m, m -> 12).get(30), 7, 0, verdict)
                .contains("verdict: GROWING: fds"));
    }

    @Test
    void heapGrowingByOneMegabytePerMinuteIsALeak() {
        assertFalse(SoakVerdict.of(minutes(m -> (20L + m) * MB, m -> 50, m -> 12)).flat());
    }

    @Test
    void aThreadPerFewMinutesIsALeak() {
        assertFalse(SoakVerdict.of(minutes(m -> 20 * MB, m -> 50, m -> 12 + m / 3)).flat());
    }

    @Test
    void theBaselineTakenBeforeTheBoardRanIsNotTheStart() {
        // hil soak --duration 2m --print-every 1m: the first fifth holds only the baseline, taken before
        // the campaign opened its console and started the board.
        List<SoakSample> samples = List.of(new SoakSample(Duration.ZERO, 0, 0, 0, 8 * MB, 45, 6),
                new SoakSample(Duration.ofMinutes(1), 6, 60, 0, 12 * MB, 51, 10),
                new SoakSample(Duration.ofMinutes(2), 12, 120, 0, 12 * MB, 51, 10));
        SoakVerdict verdict = SoakVerdict.of(samples);
        assertTrue(verdict.flat(), verdict.toString());
        assertEquals(45, verdict.resources().get(1).first());

        // ... but a leak after the first running sample is still one.
        List<SoakSample> leaking = new ArrayList<>(samples);
        leaking.set(2, new SoakSample(Duration.ofMinutes(2), 12, 120, 0, 12 * MB, 57, 10));
        assertFalse(SoakVerdict.of(leaking).flat());
    }

    @Test
    void oneSampleIsItsOwnStartAndEnd() {
        SoakVerdict verdict = SoakVerdict.of(List.of(new SoakSample(Duration.ZERO, 0, 0, 0, MB, 40, 6)));
        assertTrue(verdict.flat());
    }
}
