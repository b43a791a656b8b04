package io.hilharness.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The console's connection state, with listeners and waiting for state changes.
 *
 * <p>Counts disconnects so a reset strategy can wait race-free: read {@code disconnects()}, power-cycle the
 * board, then wait for the count to grow, even if the disconnect and reconnect both happened before it
 * started waiting.
 */
final class ConnectionStatus {

    private static final System.Logger LOG = System.getLogger(ConnectionStatus.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Consumer<ConsoleState>> listeners = new CopyOnWriteArrayList<>();

    private ConsoleState state; // null until the first connect
    private int disconnects;

    void addListener(Consumer<ConsoleState> listener) {
        listeners.add(listener);
    }

    /** Records the new state, wakes waiters, then tells listeners (outside the lock, on the calling thread). */
    void set(ConsoleState newState) {
        lock.lock();
        try {
            state = newState;
            if (newState == ConsoleState.DISCONNECTED) {
                disconnects++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Consumer<ConsoleState> l : listeners) {
            try {
                l.accept(newState);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                // A broken listener must not stop the console from tracking its board.
                LOG.log(System.Logger.Level.WARNING, "console state listener failed on " + newState, t);
            }
        }
    }

    ConsoleState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    int disconnects() {
        lock.lock();
        try {
            return disconnects;
        } finally {
            lock.unlock();
        }
    }

    boolean isConnected() {
        ConsoleState s = state();
        return s == ConsoleState.CONNECTED || s == ConsoleState.RECONNECTED;
    }

    /** Waits until the state satisfies {@code condition}; false on timeout or once the console is closed. */
    boolean await(Predicate<ConnectionStatus> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.test(this)) {
                long remaining = deadline - System.nanoTime();
                if (state == ConsoleState.CLOSED || remaining <= 0) {
                    return false;
                }
                changed.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
