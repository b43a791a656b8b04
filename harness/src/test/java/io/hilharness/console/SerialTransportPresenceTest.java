package io.hilharness.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console link that comes back (a board after a power cycle) wakes the waiting reader by itself. */
class SerialTransportPresenceTest {
    @TempDir
    Path dir;

    @Test
    void awaitPresentReturnsWhenTheLinkAppearsNotAtItsBound() throws Exception {
        Path target = Files.createFile(dir.resolve("pts-stand-in"));
        Path link = dir.resolve("console");
        SerialTransport transport = SerialTransport.byPath(link);
        assertFalse(transport.isPresent());
        CountDownLatch waiting = new CountDownLatch(1);
        Thread board = new Thread(() -> {
            try {
                waiting.await();
                Files.createSymbolicLink(link, target);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        board.start();

        // An hour's bound: returning at all means the link's appearance woke it.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            waiting.countDown();
            while (!transport.isPresent()) {
                assertTrue(transport.awaitPresent(Duration.ofHours(1)));
            }
        });
        board.join();
    }

    @Test
    void aPortFoundBySerialNumberCannotBeWatchedSoTheConsoleFallsBackToItsBackoff() {
        assertFalse(SerialTransport.bySerialNumber("no-such-serial").awaitPresent(Duration.ofHours(1)));
    }
}
