package io.hilharness.lab;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Boards taken for a run, possibly after waiting in line for them: first come, first served among the
 * waiters of this host ({@link WaitQueue}). A waiter takes boards only when nobody earlier in line wants
 * any board it could take; it then keeps what it got until it has its count, so a run that needs several
 * boards is not overtaken board by board. Closing releases every board.
 */
public final class Reservation implements AutoCloseable {
    /** Locks of crashed holders go without a sound: look again this often even when nothing rang. */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final List<BoardLock> locks;
    private final List<String> boards;

    private Reservation(List<BoardLock> locks, List<String> boards) {
        this.locks = List.copyOf(locks);
        this.boards = List.copyOf(boards);
    }

    /**
     * Takes {@code count} of {@code candidates} (in their order of preference).
     *
     * @param patience how long to wait in line: empty waits until the boards are free, zero not at all
     * @param progress told what the waiting is up to whenever that changes (who holds the boards, since when)
     * @param stopped  polled while waiting: true ends the wait (Ctrl-C) with nothing left behind
     * @throws BoardBusyException   not enough boards in time: the message says who holds them since when
     * @throws InterruptedException stopped, or the thread was interrupted; no ticket and no lock remain
     */
    public static Reservation take(Path lockDir, List<String> candidates, int count, Optional<Duration> patience,
                                   String command, Consumer<String> progress, BooleanSupplier stopped)
            throws BoardBusyException, IOException, InterruptedException {
        if (count < 1 || count > candidates.size()) {
            throw new IllegalArgumentException("cannot take " + count + " of " + candidates.size() + " boards " + candidates);
        }
        String wanted = count == 1 && candidates.size() == 1 ? "board " + candidates.get(0) : count + " of " + candidates;
        long start = System.nanoTime();
        List<BoardLock> held = new ArrayList<>();
        boolean taken = false;
        Files.createDirectories(lockDir);
        try (WaitQueue.Ticket ticket = WaitQueue.enter(lockDir, LockHolder.current(command), candidates);
             WatchService watch = FileSystems.getDefault().newWatchService()) {
            for (Path dir : List.of(lockDir, ticket.file().getParent())) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
            String told = null;
            while (true) {
                List<WaitQueue.TicketFile> ahead = WaitQueue.ahead(lockDir, ticket);
                if (ahead.isEmpty()) {
                    takeFree(lockDir, candidates, count, command, held);
                }
                if (held.size() == count) {
                    taken = true;
                    return new Reservation(held, held.stream().map(BoardLock::board).toList());
                }
                String status = status(lockDir, candidates, held, ahead);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (patience.isPresent() && patience.get().isZero()) {
                    throw new BoardBusyException(wanted + " is busy: " + status);
                }
                if (patience.isPresent() && waited.compareTo(patience.get()) >= 0) {
                    throw new BoardBusyException("gave up after " + human(patience.get()) + " waiting for " + wanted + ": " + status);
                }
                if (!status.equals(told)) {
                    progress.accept("waiting for " + wanted + ": " + status);
                    told = status;
                }
                if (stopped.getAsBoolean()) {
                    throw new InterruptedException("stopped while waiting for " + wanted);
                }
                Duration nap = patience.map(p -> p.minus(waited)).filter(left -> left.compareTo(LOOK_AGAIN) < 0).orElse(LOOK_AGAIN);
                WatchKey key = watch.poll(Math.max(1, nap.toMillis()), TimeUnit.MILLISECONDS);
                while (key != null) {
                    key.pollEvents();
                    key.reset();
                    key = watch.poll();
                }
            }
        } finally {
            if (!taken) {
                for (BoardLock lock : held) {
                    lock.close();
                }
            }
        }
    }

    /** Free boards up to the count, in order of preference; busy ones are passed over. */
    private static void takeFree(Path lockDir, List<String> candidates, int count, String command, List<BoardLock> held)
            throws IOException {
        for (String board : candidates) {
            if (held.size() == count) {
                return;
            }
            if (held.stream().noneMatch(lock -> lock.board().equals(board))) {
                try {
                    held.add(BoardLock.acquire(lockDir, board, command));
                } catch (BoardBusyException busy) {
                    // held by someone else: next candidate
                }
            }
        }
    }

    /** Who holds the boards not yet taken, since when, and who waits ahead. */
    private static String status(Path lockDir, List<String> candidates, List<BoardLock> held, List<WaitQueue.TicketFile> ahead) {
        List<String> parts = new ArrayList<>();
        for (String board : candidates) {
            if (held.stream().anyMatch(lock -> lock.board().equals(board))) {
                parts.add(board + " taken for this run");
                continue;
            }
            parts.add(BoardLock.holder(lockDir, board).map(h -> board + " locked by " + h.describe())
                    .orElse(board + " free, for an earlier waiter"));
        }
        String status = String.join("; ", parts);
        if (!ahead.isEmpty()) {
            LockHolder first = ahead.get(0).holder();
            status += "; " + ahead.size() + " waiting ahead (first: " + first.describe() + ")";
        }
        return status;
    }

    static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The boards taken, in order of preference. */
    public List<String> boards() {
        return boards;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (BoardLock lock : locks) {
            try {
                lock.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
