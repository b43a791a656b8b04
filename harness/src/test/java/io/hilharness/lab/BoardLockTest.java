package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardLockTest {
    @TempDir
    Path locks;

    @Test
    void aSecondLockInThisProcessIsRefusedSayingWhoHoldsIt() throws Exception {
        try (BoardLock first = BoardLock.acquire(locks, "nucleo-1", "hil run --image lab-ca")) {
            BoardBusyException busy = assertThrows(BoardBusyException.class,
                    () -> BoardLock.acquire(locks, "nucleo-1", "hil console nucleo-1"));
            assertTrue(busy.getMessage().startsWith("board nucleo-1 is busy: locked by " + System.getProperty("user.name") + "@"),
                    busy.getMessage());
            assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid()), busy.getMessage());
            assertTrue(busy.getMessage().contains("(hil run --image lab-ca)"), busy.getMessage());
            assertEquals("hil run --image lab-ca", BoardLock.holder(locks, "nucleo-1").orElseThrow().command());
            // Other boards are not affected.
            try (BoardLock other = BoardLock.acquire(locks, "nucleo-2", "x")) {
                assertTrue(other.file().toString().endsWith("nucleo-2.lock"));
            }
        }
        assertTrue(BoardLock.holder(locks, "nucleo-1").isEmpty());
        BoardLock.acquire(locks, "nucleo-1", "again").close();
    }

    @Test
    void anotherProcessesLockIsRefusedAndReleasedWhenItDies() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHoldingProcess.class.getName(), locks.toString(), "esp-1"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("locked"), "child said: " + line);

            BoardBusyException busy = assertThrows(BoardBusyException.class, () -> BoardLock.acquire(locks, "esp-1", "me"));
            assertTrue(busy.getMessage().contains("pid " + holder.pid()), busy.getMessage());
            assertTrue(busy.getMessage().contains("(nightly campaign)"), busy.getMessage());
            assertEquals(holder.pid(), BoardLock.holder(locks, "esp-1").orElseThrow().pid());
        } finally {
            holder.destroyForcibly(); // a crash: no chance to unlock
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(BoardLock.holder(locks, "esp-1").isPresent());
        try (BoardLock mine = BoardLock.acquire(locks, "esp-1", "me")) {
            assertEquals("me", BoardLock.holder(locks, "esp-1").orElseThrow().command());
        }
    }
}
