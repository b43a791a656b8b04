package io.hilharness.soak;

import java.time.Duration;

/**
 * One look at the harness during a soak: campaign progress and the resources that leak when
 * something is not closed or not forgotten.
 *
 * @param heapBytes   heap used right after a requested GC (what is really retained), -1 if unknown
 * @param openFds     entries in /proc/self/fd, -1 where there is no /proc
 */
public record SoakSample(Duration elapsed, int boots, int rounds, int failedRounds,
                         long heapBytes, int openFds, int threads) {
}
