package io.hilharness.soak;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a soak campaign's boots and rounds as they are done and, every {@code interval}, samples
 * the harness's heap, descriptors and threads and prints one line. The samples feed the verdict.
 */
public final class SoakMonitor implements CampaignListener, AutoCloseable {
    private final PrintStream out;
    private final Duration interval;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger boots = new AtomicInteger();
    private final AtomicInteger softBoots = new AtomicInteger();
    private final AtomicInteger bootsNotReady = new AtomicInteger();
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger failedRounds = new AtomicInteger();
    private final List<SoakSample> samples = new ArrayList<>();
    private boolean finished; // guarded by this
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "soak-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public SoakMonitor(PrintStream out, Duration interval) {
        this.out = out;
        this.interval = interval;
    }

    /** Takes the first sample now (the baseline before the board is even flashed), then one per interval. */
    public SoakMonitor start() {
        out.println("soak: one line every " + SoakReport.duration(interval) + "; heap is measured after a GC");
        out.println(SoakReport.HEADER);
        sample();
        long every = interval.toMillis();
        timer.scheduleAtFixedRate(this::sample, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void bootDone(BootRecord boot) {
        boots.incrementAndGet();
        if (boot.reset() == ResetKind.SOFT) {
            softBoots.incrementAndGet();
        }
        if (!boot.ready()) {
            bootsNotReady.incrementAndGet();
            out.println("soak: boot " + boot.boot() + " NOT READY: " + boot.failure());
        }
    }

    @Override
    public void watchdogTripped(int boot, int round, String reason, String action) {
        out.println("soak: WATCHDOG boot " + boot + " round " + round + ": " + reason + "; " + action);
    }

    @Override
    public void campaignEndedEarly(String reason) {
        out.println("soak: CAMPAIGN ENDED EARLY: " + reason);
    }

    @Override
    public void roundDone(RoundRecord round) {
        rounds.incrementAndGet();
        if (!round.ok()) {
            failedRounds.incrementAndGet();
        }
    }

    /** The soak's last sample, before the reports are built (building them is not the steady state). */
    @Override
    public void campaignDone(CampaignResult result) {
        finish();
    }

    private synchronized void sample() {
        if (finished) {
            return;
        }
        SoakSample sample = new SoakSample(Duration.ofNanos(System.nanoTime() - startNanos), boots.get(), rounds.get(),
                failedRounds.get(), ResourceProbe.heapAfterGc(), ResourceProbe.openFds(), ResourceProbe.threads());
        samples.add(sample);
        out.println(SoakReport.line(sample));
    }

    /** Stops sampling after one last sample, so the summary ends with the state at the end. */
    private void finish() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        synchronized (this) {
            finished = true;
        }
    }

    /** Ends the sampling if the campaign did not get to its end (an error). */
    @Override
    public void close() {
        finish();
    }

    public synchronized List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    public int softBoots() {
        return softBoots.get();
    }

    public int bootsNotReady() {
        return bootsNotReady.get();
    }
}
