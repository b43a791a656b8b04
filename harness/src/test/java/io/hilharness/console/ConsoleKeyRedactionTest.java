package io.hilharness.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.secrets.KeyRedaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board that prints a private key (a debug build, or a console echoing what was typed): every line
 * the console hands on has it redacted, so nothing built on them (live output, boot failure messages,
 * journal, reports) can show it; the owner-only raw capture keeps every byte.
 */
class ConsoleKeyRedactionTest {
    @TempDir
    Path dir;

    @Test
    void keyLinesAreRedactedForListenersAndHistoryButNotInTheRawCapture() throws Exception {
        String body = "MHcCAQEEIKEYBODYTHATMUSTSTAYINTHERAWCAPTURE";
        byte[] log = ("0: main.c 169: boot 1\r\n"
                + "5: console.c 280: unknown command: -----BEGIN EC " + "PRIVATE KEY-----\r\n"
                + "6: console.c 280: unknown command: " + body + "\r\n"
                + "7: console.c 280: unknown command: -----END EC " + "PRIVATE KEY-----\r\n"
                + "8: tls_server.c 382: httpd ready\r\n").getBytes(StandardCharsets.US_ASCII);
        Path recorded = Files.write(dir.resolve("board.raw"), log);
        List<String> heard = new CopyOnWriteArrayList<>();

        try (Console c = Console.open(new ReplayTransport(recorded, 7), dir.resolve("console.raw"))) {
            c.addListener(line -> heard.add(line.text()));
            c.start();
            assertTrue(c.awaitDisconnect(Duration.ofSeconds(10)));
            List<String> expected = List.of("0: main.c 169: boot 1", KeyRedaction.REDACTED, KeyRedaction.REDACTED,
                    KeyRedaction.REDACTED, "8: tls_server.c 382: httpd ready");
            assertEquals(expected, c.lines(0).stream().map(ConsoleLine::text).toList());
            assertEquals(expected, c.tail(5).stream().map(ConsoleLine::text).toList());
            assertEquals(expected, heard);
        }
        assertArrayEquals(log, Files.readAllBytes(dir.resolve("console.raw")));
    }
}
