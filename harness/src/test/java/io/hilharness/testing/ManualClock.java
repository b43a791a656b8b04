package io.hilharness.testing;

import io.hilharness.campaign.CampaignClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time that moves only when told: a campaign's pacing "sleeps" by moving it on at once, and a test
 * moves it to pass a deadline. The same clock stamps the fake board's console lines.
 */
public final class ManualClock extends Clock implements CampaignClock {
    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public ManualClock() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Every sleep asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!zone.equals(ZoneOffset.UTC)) {
            throw new UnsupportedOperationException("a manual clock keeps UTC");
        }
        return this;
    }
}
