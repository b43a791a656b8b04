package io.hilharness.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil console} on the reference board as an engineer pipes into it: a board whose folder holds a
 * flashed image is powered on with it, as plugging in a real board would, and off again when the
 * console closes, the same as after {@code --flash}.
 */
class ConsoleCommandIT {
    private static final Duration BOOT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aFlashedReferenceBoardThatIsOffIsPoweredOnAndOffAgain() throws Exception {
        ReferenceFirmware.built();
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, """
                lock_dir: %s
                boards:
                  ref-1: {kind: reference, dir: boards/ref-1}
                """.formatted(dir.resolve("locks")));
        Path consoleLink = dir.resolve("boards/ref-1/console");
        String runs = dir.resolve("runs").toString();

        // Flashed once, with the console open.
        try (PipedConsole console = new PipedConsole("console", "ref-1", "--flash", "lab-ca", "--lab", lab.toString(),
                "--runs-dir", runs)) {
            await().atMost(BOOT).untilAsserted(() -> assertTrue(console.shown().contains("httpd ready") || console.ended(),
                    console::shown));
            console.type("~.");
            assertEquals(0, console.exitCode(), console.shown() + console.err());
        }
        assertFalse(Files.exists(consoleLink), "powered off when the console closed");

        // Later: just the console, with a line typed at once. It reaches the board however early (the
        // firmware's console may even answer before its boot banner, as a real board's UART can).
        String shown;
        try (PipedConsole console = new PipedConsole("console", "ref-1", "--lab", lab.toString(), "--runs-dir", runs)) {
            console.type("status");
            await().atMost(BOOT).untilAsserted(() -> assertTrue(console.ended()
                    || console.shown().contains("status: boot ") && console.shown().contains("httpd ready"), console::shown));
            console.type("~.");
            assertEquals(0, console.exitCode(), console.shown() + console.err());
            shown = console.shown();
        }
        assertTrue(shown.contains("[hil] ref-1 was off: powered on with what its flash holds"), shown);
        assertTrue(shown.matches("(?s).*\\[boot 2\\] [^\\n]*boot 2, reset cause: power-on.*"), shown);
        assertTrue(shown.contains("status: boot "), shown);
        assertFalse(Files.exists(consoleLink), "powered off again when the console closed");
    }
}
