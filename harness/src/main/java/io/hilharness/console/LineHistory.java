package io.hilharness.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Bounded, thread-safe memory of the most recent console lines, with waiting for a matching line.
 *
 * <p>Waiting looks at lines that arrived before the call too (anything with seq &gt; afterSeq still held), so a
 * test that asks "did the board print X after my command" cannot miss a line that raced ahead of it. Bounded
 * by line count and by total characters, so a board spewing megabyte lines cannot exhaust the heap.
 * {@link #add} makes a line visible at once; waiters wake on the next {@link #publish}.
 */
final class LineHistory {

    private final ConsoleLine[] ring;
    private final long maxChars;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private int head; // index of the oldest line
    private int size;
    private long chars;
    private long lastSeq;
    private boolean ended;

    LineHistory(int maxLines, long maxChars) {
        if (maxLines < 1 || maxChars < 1) {
            throw new IllegalArgumentException("history limits must be positive");
        }
        this.ring = new ConsoleLine[maxLines];
        this.maxChars = maxChars;
    }

    void add(ConsoleLine line) {
        lock.lock();
        try {
            if (size == ring.length) {
                evictOldest();
            }
            ring[(head + size) % ring.length] = line;
            size++;
            chars += line.text().length();
            while (chars > maxChars && size > 1) {
                evictOldest();
            }
            lastSeq = line.seq();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes waiters for the lines added since the last call. The reader calls this once per chunk
     * read rather than once per line: under a flood a wake-up per line (a futex call on each side)
     * cost more CPU than framing and parsing the line.
     */
    void publish() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void evictOldest() {
        chars -= ring[head].text().length();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
    }

    /** No more lines will come: waiters give up now instead of at their timeout. */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /** Held lines with seq &gt; afterSeq, oldest first. */
    List<ConsoleLine> after(long afterSeq) {
        lock.lock();
        try {
            List<ConsoleLine> out = new ArrayList<>();
            for (int i = firstIndexAfter(afterSeq); i < size; i++) {
                out.add(ring[(head + i) % ring.length]);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The last {@code n} held lines, oldest first. */
    List<ConsoleLine> tail(int n) {
        lock.lock();
        try {
            List<ConsoleLine> out = new ArrayList<>();
            for (int i = Math.max(0, size - n); i < size; i++) {
                out.add(ring[(head + i) % ring.length]);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * First line with seq &gt; afterSeq whose text contains a match of {@code pattern}, waiting up to
     * {@code timeout} for it. Empty on timeout, on end of input, or when the calling thread is interrupted.
     */
    Optional<ConsoleLine> await(Pattern pattern, long afterSeq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long scanned = afterSeq;
        while (true) {
            // Regexes run outside the lock, so a slow pattern never stalls the reader thread.
            List<ConsoleLine> fresh = after(scanned);
            for (ConsoleLine line : fresh) {
                if (pattern.matcher(line.text()).find()) {
                    return Optional.of(line);
                }
                scanned = line.seq();
            }
            lock.lock();
            try {
                while (lastSeq <= scanned) {
                    long remaining = deadline - System.nanoTime();
                    if (ended || remaining <= 0) {
                        return Optional.empty();
                    }
                    changed.awaitNanos(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                lock.unlock();
            }
        }
    }

    private int firstIndexAfter(long afterSeq) {
        if (size == 0) {
            return 0;
        }
        // Seqs are consecutive, so the position is arithmetic.
        long firstSeq = ring[head].seq();
        long idx = afterSeq + 1 - firstSeq;
        return (int) Math.max(0, Math.min(size, idx));
    }
}
