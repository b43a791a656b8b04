package io.hilharness.lab;

import java.nio.file.Path;

/** Run in a child JVM by {@link BoardLockTest}: holds a board lock until killed, like a crashed campaign. */
public final class LockHoldingProcess {
    private LockHoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        BoardLock lock = BoardLock.acquire(Path.of(args[0]), args[1], "nightly campaign");
        System.out.println("locked " + lock.file());
        System.out.flush();
        System.in.read(); // holds the lock until stdin closes or the process is killed
    }
}
