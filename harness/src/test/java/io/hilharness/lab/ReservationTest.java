package io.hilharness.lab;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting in line for boards, with real processes and threads competing for real OS locks. */
class ReservationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path locks;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitersInOtherProcessesGetTheBoardInTheOrderTheyCame() throws Exception {
        Process first;
        Process second;
        Process third;
        try (BoardLock held = BoardLock.acquire(locks, "nucleo-1", "nightly")) {
            first = waiter("nucleo-1", 1);
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 1);
            second = waiter("nucleo-1", 1);
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 2);
            third = waiter("nucleo-1", 1);
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 3);
        }
        assertEquals("taken [nucleo-1]", takenLine(first));
        assertEquals(first.pid(), BoardLock.holder(locks, "nucleo-1").orElseThrow().pid());
        assertEquals(List.of(second.pid(), third.pid()), WaitQueue.live(locks).stream().map(t -> t.holder().pid()).toList());

        first.getOutputStream().close();
        assertEquals("taken [nucleo-1]", takenLine(second));
        assertEquals(second.pid(), BoardLock.holder(locks, "nucleo-1").orElseThrow().pid());
        assertEquals(List.of(third.pid()), WaitQueue.live(locks).stream().map(t -> t.holder().pid()).toList());

        second.getOutputStream().close();
        assertEquals("taken [nucleo-1]", takenLine(third));
        assertEquals(third.pid(), BoardLock.holder(locks, "nucleo-1").orElseThrow().pid());
        assertTrue(WaitQueue.live(locks).isEmpty());
    }

    @Test
    void theTicketOfAWaiterKilledInLineIsRemovedAndDoesNotHoldUpTheNext() throws Exception {
        try (BoardLock held = BoardLock.acquire(locks, "esp-1", "nightly")) {
            Process killed = waiter("esp-1", 1);
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 1);
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        }
        try (Reservation mine = Reservation.take(locks, List.of("esp-1"), 1, Optional.of(Duration.ZERO), "me", line -> { }, () -> false)) {
            assertEquals(List.of("esp-1"), mine.boards());
        }
        assertEquals(List.of(), tickets());
    }

    @Test
    void givingUpSaysWhoHoldsTheBoardSinceWhenAndLeavesNoTicket() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (BoardLock held = BoardLock.acquire(locks, "nucleo-1", "hil run --image good")) {
            BoardBusyException gaveUp = assertThrows(BoardBusyException.class, () -> Reservation.take(locks,
                    List.of("nucleo-1"), 1, Optional.of(Duration.ofMillis(300)), "me", told::add, () -> false));
            String holder = "nucleo-1 locked by " + System.getProperty("user.name") + "@";
            assertTrue(gaveUp.getMessage().startsWith("gave up after 0.3s waiting for board nucleo-1: " + holder), gaveUp.getMessage());
            assertTrue(gaveUp.getMessage().contains("pid " + ProcessHandle.current().pid() + " since "), gaveUp.getMessage());
            assertTrue(gaveUp.getMessage().endsWith("(hil run --image good)"), gaveUp.getMessage());
            assertTrue(told.get(0).startsWith("waiting for board nucleo-1: " + holder), told.toString());
        }
        assertEquals(List.of(), tickets());
    }

    @Test
    void withoutPatienceABusyBoardFailsAtOnce() throws Exception {
        try (BoardLock held = BoardLock.acquire(locks, "a", "x")) {
            BoardBusyException busy = assertThrows(BoardBusyException.class,
                    () -> Reservation.take(locks, List.of("a"), 1, Optional.of(Duration.ZERO), "me", line -> { }, () -> false));
            assertTrue(busy.getMessage().startsWith("board a is busy: a locked by "), busy.getMessage());
        }
        assertEquals(List.of(), tickets());
    }

    @Test
    void aTagIsMatchedAgainstAnyFreeBoard() throws Exception {
        List<String> tagged = List.of("a", "b", "c");
        try (BoardLock held = BoardLock.acquire(locks, "a", "x")) {
            try (Reservation one = Reservation.take(locks, tagged, 1, Optional.of(Duration.ZERO), "me", line -> { }, () -> false)) {
                assertEquals(List.of("b"), one.boards());
            }
            try (Reservation two = Reservation.take(locks, tagged, 2, Optional.of(Duration.ZERO), "me", line -> { }, () -> false)) {
                assertEquals(List.of("b", "c"), two.boards());
                BoardBusyException busy = assertThrows(BoardBusyException.class,
                        () -> Reservation.take(locks, tagged, 1, Optional.of(Duration.ZERO), "other", line -> { }, () -> false));
                assertTrue(busy.getMessage().startsWith("1 of [a, b, c] is busy: a locked by "), busy.getMessage());
            }
        }
    }

    @Test
    void aWaiterForOtherBoardsIsNotHeldUpByTheLine() throws Exception {
        try (BoardLock held = BoardLock.acquire(locks, "a", "x")) {
            CompletableFuture<Reservation> waiting = inThread(List.of("a"), 1, () -> false);
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 1);
            try (Reservation other = Reservation.take(locks, List.of("b"), 1, Optional.of(Duration.ZERO), "me", line -> { }, () -> false)) {
                assertEquals(List.of("b"), other.boards());
            }
            // and one for the same board queues behind the first, although the board is free for a moment
            held.close();
            try (Reservation first = waiting.get(60, TimeUnit.SECONDS)) {
                assertEquals(List.of("a"), first.boards());
            }
        }
    }

    @Test
    void stoppingAWaiterThatHoldsPartOfItsCountReleasesItAndLeavesTheLine() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (BoardLock held = BoardLock.acquire(locks, "a", "x")) {
            CompletableFuture<Reservation> waiting = inThread(List.of("a", "b"), 2, stop::get);
            await().atMost(PATIENCE).until(() -> BoardLock.holder(locks, "b").map(h -> h.command().equals("waiter")).orElse(false));
            stop.set(true);
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> waiting.get(60, TimeUnit.SECONDS));
            assertInstanceOf(InterruptedException.class, stopped.getCause());
            assertEquals("stopped while waiting for 2 of [a, b]", stopped.getCause().getMessage());
        }
        assertTrue(BoardLock.holder(locks, "b").isEmpty(), "the board it had taken is free again");
        assertEquals(List.of(), tickets());
    }

    @Test
    void anInterruptedWaiterLeavesNothingBehind() throws Exception {
        try (BoardLock held = BoardLock.acquire(locks, "a", "x")) {
            CompletableFuture<Reservation> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(Reservation.take(locks, List.of("a"), 1, Optional.empty(), "waiter", line -> { }, () -> false));
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
            thread.start();
            await().atMost(PATIENCE).until(() -> WaitQueue.live(locks).size() == 1);
            thread.interrupt();
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
            assertInstanceOf(InterruptedException.class, stopped.getCause());
        }
        assertEquals(List.of(), tickets());
    }

    @Test
    void inALockFolderSharedBySeveralUsersWhatTheLineCreatesIsSharedToo() throws Exception {
        Path shared = Files.createDirectories(locks.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Reservation mine = Reservation.take(shared, List.of("a"), 1, Optional.of(Duration.ZERO), "me", line -> { }, () -> false)) {
            assertEquals("rw-rw-rw-", permissions(shared.resolve("a.lock")));
        }
        assertEquals("rwxrwxrwx", permissions(shared.resolve(WaitQueue.DIR)));
        assertEquals("rw-rw-rw-", permissions(shared.resolve(WaitQueue.DIR).resolve("sequence")));
        HealthStore health = new HealthStore(shared, HealthPolicy.defaults());
        health.recordFailure("a", "runs/x", "flash failed");
        assertEquals("rw-r--r--", permissions(health.file("a")));
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private CompletableFuture<Reservation> inThread(List<String> boards, int count, java.util.function.BooleanSupplier stopped) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Reservation.take(locks, boards, count, Optional.empty(), "waiter", line -> { }, stopped);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> new Thread(runnable).start());
    }

    private Process waiter(String boards, int count) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                WaitingProcess.class.getName(), locks.toString(), boards, Integer.toString(count)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    /** The child's first line that is not a waiting notice. */
    private static String takenLine(Process child) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.startsWith("waiting for ")) {
                return line;
            }
        }
        return "(no line: the child ended)";
    }

    private List<Path> tickets() throws IOException {
        Path queue = locks.resolve(WaitQueue.DIR);
        if (!Files.isDirectory(queue)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(p -> !p.getFileName().toString().equals("sequence")).toList();
        }
    }
}
