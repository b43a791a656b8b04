package io.hilharness.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import io.hilharness.console.ReplayTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardConsoleTest {
    @TempDir
    Path dir;

    private Console replaying(String text) throws Exception {
        Path recorded = dir.resolve("recorded.raw");
        Files.writeString(recorded, text);
        return Console.open(new ReplayTransport(recorded, 7), dir.resolve("console.raw")).start();
    }

    @Test
    void findsALineThatArrivedSinceTheTestStarted() throws Exception {
        try (Console console = replaying("boot 1\nhttpd ready on port 8443\nstatus: boot 1\n")) {
            BoardConsole view = new BoardConsole(console, () -> 0);

            ConsoleLine ready = view.awaitLine("httpd ready", Duration.ofSeconds(5));

            assertEquals(2, ready.seq());
            assertEquals(3, view.awaitLineAfter(Pattern.compile("status"), ready.seq(), Duration.ofSeconds(5)).seq());
        }
    }

    @Test
    void aTimeoutFailsWithTheLastConsoleLines() throws Exception {
        try (Console console = replaying("boot 1\nPANIC: hard fault\n")) {
            BoardConsole view = new BoardConsole(console, () -> 0);
            view.awaitLine("PANIC", Duration.ofSeconds(5)); // everything replayed

            AssertionError e = assertThrows(AssertionError.class, () -> view.awaitLine("httpd ready", Duration.ofMillis(200)));

            assertTrue(e.getMessage().contains("no console line matching /httpd ready/ within 200 ms"), e.getMessage());
            assertTrue(e.getMessage().contains("2: PANIC: hard fault"), e.getMessage());
        }
    }

    @Test
    void linesBeforeTheTestStartDoNotCount() throws Exception {
        try (Console console = replaying("httpd ready\nafter\n")) {
            new BoardConsole(console, () -> 0).awaitLine("after", Duration.ofSeconds(5));
            BoardConsole view = new BoardConsole(console, () -> 1);

            assertThrows(AssertionError.class, () -> view.awaitLine("httpd ready", Duration.ofMillis(100)));
        }
    }
}
