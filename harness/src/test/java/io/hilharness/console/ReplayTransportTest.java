package io.hilharness.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTransportTest {

    @TempDir
    Path dir;

    @Test
    void replaysACaptureOneByteAtATimeThenEnds() throws Exception {
        byte[] log = "boot\r\n\u00e9t\u00e9 \u20ac\r\nssl_tls.c:1234: => handshake\r\nno newline"
                .getBytes(StandardCharsets.UTF_8);
        Path recorded = Files.write(dir.resolve("old.raw"), log);
        List<ConsoleState> states = new CopyOnWriteArrayList<>();

        try (Console c = Console.open(new ReplayTransport(recorded, 1), dir.resolve("replayed.raw"))) {
            c.addStateListener(states::add);
            c.start();
            assertTrue(c.awaitDisconnect(Duration.ofSeconds(10)));
            // Input ended: waiting for something that never came returns at once, empty.
            assertTrue(c.awaitLine(Pattern.compile("never"), 0, Duration.ofSeconds(30)).isEmpty());
            assertEquals(List.of("boot", "\u00e9t\u00e9 \u20ac", "ssl_tls.c:1234: => handshake", "no newline"),
                    c.lines(0).stream().map(ConsoleLine::text).toList());
            assertFalse(c.isConnected());
            c.send("ignored"); // a recording cannot answer; sending must not break analysis code
        }
        assertEquals(List.of(ConsoleState.CONNECTED, ConsoleState.DISCONNECTED, ConsoleState.CLOSED), states);
        assertArrayEquals(log, Files.readAllBytes(dir.resolve("replayed.raw")));
    }
}
