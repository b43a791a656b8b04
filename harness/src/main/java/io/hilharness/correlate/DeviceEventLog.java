package io.hilharness.correlate;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The board's decoded log as it arrives, shared between the console reader (which appends) and the
 * campaign (which waits for connections to finish on the board's side and reads their events).
 */
public final class DeviceEventLog {
    private static final Set<EventType> SESSION_END = Set.of(EventType.CONNECTION_CLOSED, EventType.SETUP_FAILED,
            EventType.TCP_CONNECTION_CLOSED);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<DeviceEvent> events = new ArrayList<>();

    public void add(DeviceEvent event) {
        lock.lock();
        try {
            events.add(event);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void addAll(Collection<DeviceEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            events.addAll(batch);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the events of console lines up to {@code seq}: a long campaign needs only the events of
     * the boot or round in progress, and keeping the rest would grow the heap without bound.
     */
    public void forgetThrough(long seq) {
        lock.lock();
        try {
            events.removeIf(e -> e.seq() <= seq);
        } finally {
            lock.unlock();
        }
    }

    /** Events from console lines after {@code afterSeq}. */
    public List<DeviceEvent> since(long afterSeq) {
        lock.lock();
        try {
            return events.stream().filter(e -> e.seq() > afterSeq).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the board has logged the end of its session for every given client port (after
     * {@code afterSeq}), so a round's evidence is complete before it is journaled.
     *
     * @return the ports whose end did not show up in time (empty when all did)
     */
    public Set<Integer> awaitSessionsEnded(Collection<Integer> ports, long afterSeq, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Set<Integer> open = new HashSet<>(ports);
                for (DeviceEvent e : events) {
                    if (e.seq() > afterSeq && e.port() != null && SESSION_END.contains(e.type())) {
                        open.remove(e.port());
                    }
                }
                long left = deadline - System.nanoTime();
                if (open.isEmpty() || left <= 0) {
                    return open;
                }
                appended.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
