package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.devlog.LogFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference firmware logs a line or two about a connection after the one that ends it: the heap
 * left after "connection closed", and "connection closed" after a failed session setup. They belong to
 * the connection that just ended, not to a new session of the same port.
 */
class SessionEndTrailersTest {
    @TempDir
    Path dir;

    private static final String BANNER = "0: main.c 169: boot 1, reset cause: power-on, image leak, firmware refboard 0.1.0\n";

    @Test
    void theHeapLineAfterAClosedConnectionIsNoSessionOfItsOwn() throws Exception {
        FixtureSessionsTest.Collected c = analyze(BANNER
                + "10: tls_server.c 382: accepted connection from 127.0.0.1, port 40001\n"
                + "11: ssl_tls.c 5804: => handshake, port 40001\n"
                + "12: tls_server.c 270: handshake done: TLSv1.2 TLS-ECDHE-ECDSA-WITH-CHACHA20-POLY1305-SHA256, port 40001\n"
                + "13: tls_server.c 309: connection closed (done), port 40001\n"
                + "14: tls_server.c 311: free heap: 51234 bytes, port 40001\n"
                + "20: tls_server.c 382: accepted connection from 127.0.0.1, port 40001\n"
                + "21: ssl_tls.c 5804: => handshake, port 40001\n"
                + "22: tls_server.c 309: connection closed (peer closed), port 40001\n"
                + "23: tls_server.c 311: free heap: 50000 bytes, port 40001\n");

        assertEquals(2, c.sessions.size(), c.outcomes().toString());
        assertEquals(List.of(40001, 40001), c.sessions.stream().map(SessionSummary::port).toList());
    }

    @Test
    void theCloseAfterAFailedSetupIsNoSessionOfItsOwn() throws Exception {
        FixtureSessionsTest.Collected c = analyze(BANNER
                + "10: tls_server.c 382: accepted connection from 127.0.0.1, port 40002\n"
                + "11: ERROR: tls_server.c 315: mbedtls_ssl_setup failed: -0x7f00, port 40002\n"
                + "11: tls_server.c 316: connection closed (error -0x7f00), port 40002\n"
                + "12: tls_server.c 382: accepted connection from 127.0.0.1, port 40003\n"
                + "13: ERROR: tls_server.c 315: mbedtls_ssl_setup failed: -0x7f00, port 40003\n"
                + "13: tls_server.c 316: connection closed (error -0x7f00), port 40003\n");

        assertEquals(List.of("1:SETUP_FAILED", "1:SETUP_FAILED"), c.outcomes());
    }

    /** hil analyze prints a crashed boot's line: not when it holds a private key. */
    @Test
    void aCrashLineHoldingAKeyIsRedacted() throws Exception {
        FixtureSessionsTest.Collected c = analyze(BANNER
                + "102: main.c 52: PANIC key=-----BEGIN EC " + "PRIVATE KEY----- MHcCAQEEIKEYBODY -----END EC " + "PRIVATE KEY-----\n");

        assertEquals(io.hilharness.secrets.KeyRedaction.REDACTED, c.boots.get(0).crashLine());
    }

    private FixtureSessionsTest.Collected analyze(String log) throws Exception {
        Path file = Files.writeString(dir.resolve("board.log"), log);
        FixtureSessionsTest.Collected c = new FixtureSessionsTest.Collected();
        new LogAnalyzer(LogFormats::autoDetect).analyze(file, c, n -> { });
        return c;
    }
}
