package io.hilharness.board.serial;

import io.hilharness.console.ConsoleTransport;
import io.hilharness.console.ForwardingTransport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A console transport that a flasher can borrow: while {@link #exclusive} runs, the console's reader
 * sees only read timeouts, so it cannot take a serial bootloader's single-byte ACKs away from the
 * sender. Nothing is lost: every byte the borrower read is handed to the console afterwards, so the
 * raw capture still holds all the board sent. If the borrower closed the port, the console's reader
 * finds it gone afterwards and reopens it, as after any re-enumeration.
 */
public final class SharedPort extends ForwardingTransport {
    private static final long IDLE_READ_MS = 100;

    /** What the borrower does with the port. */
    public interface Use<T> {
        T apply(ConsoleTransport port) throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private boolean borrowed;
    private final java.io.ByteArrayOutputStream readWhileBorrowed = new java.io.ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingPos;

    public SharedPort(ConsoleTransport delegate) {
        super(delegate);
    }

    /** Runs {@code use} with the port to itself; the console reads nothing meanwhile. */
    public <T> T exclusive(Use<T> use) throws IOException {
        lock.lock(); // waits for a read in progress (at most about 100 ms)
        try {
            borrowed = true;
        } finally {
            lock.unlock();
        }
        try {
            return use.apply(new Recording());
        } finally {
            lock.lock();
            try {
                pending = readWhileBorrowed.toByteArray();
                pendingPos = 0;
                readWhileBorrowed.reset();
                borrowed = false;
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        lock.lock();
        try {
            if (borrowed) {
                // Waits for the port to come back; a timeout is an ordinary empty read for the console.
                released.await(IDLE_READ_MS, TimeUnit.MILLISECONDS);
                return 0;
            }
            if (pendingPos < pending.length) {
                int n = Math.min(buf.length, pending.length - pendingPos);
                System.arraycopy(pending, pendingPos, buf, 0, n);
                pendingPos += n;
                return n;
            }
            return delegate.read(buf);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** The port as the borrower sees it: reads are kept for the console. */
    private final class Recording extends ForwardingTransport {
        Recording() {
            super(SharedPort.this.delegate);
        }

        @Override
        public int read(byte[] buf) throws IOException {
            int n = delegate.read(buf);
            if (n > 0) {
                synchronized (readWhileBorrowed) {
                    readWhileBorrowed.write(buf, 0, n);
                }
            }
            return n;
        }
    }
}
