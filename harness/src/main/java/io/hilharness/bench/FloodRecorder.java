package io.hilharness.bench;

import io.hilharness.devlog.DeviceEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Watches the parsed events of a flood as the harness delivers them: how many flood lines, whether
 * their sequence numbers run without a gap, where the first one starts in the capture, and each
 * line's latency from the device's write to the delivery of its parsed event. Runs on the console's
 * reader thread; read the figures after the flood's final line arrived.
 */
final class FloodRecorder {

    private long[] latencies = new long[1 << 16];
    private int count;
    private long lines;
    private long lastSeq;
    private long gaps;
    private long firstOffset = -1;

    /** Called with each parsed event, right when the parser hands it over. */
    synchronized void accept(DeviceEvent e) {
        OptionalLong seq = FloodLines.seq(e.message());
        if (seq.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        if (firstOffset < 0) {
            firstOffset = e.offset();
        }
        if (seq.getAsLong() != lastSeq + 1) {
            gaps++;
        }
        lastSeq = seq.getAsLong();
        lines++;
        OptionalLong written = FloodLines.writeMicros(e.message());
        if (written.isPresent()) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nowMicros - written.getAsLong();
        }
    }

    /** Forgets everything seen so far (after a warm-up flood). */
    synchronized void reset() {
        count = 0;
        lines = 0;
        lastSeq = 0;
        gaps = 0;
        firstOffset = -1;
    }

    synchronized long lines() {
        return lines;
    }

    /** Lines whose sequence number did not follow the previous one's (0 when nothing was lost). */
    synchronized long gaps() {
        return gaps;
    }

    /** Capture offset of the first flood line, -1 if none arrived. */
    synchronized long firstOffset() {
        return firstOffset;
    }

    /** Latency percentile in microseconds (nearest rank), or -1 without samples. */
    synchronized long percentileMicros(double p) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
