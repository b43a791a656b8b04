package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.devlog.LogFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A capture that grows while {@code hil analyze} reads it (the board is still logging) is read to
 * the end it has when the reading gets there, in one go and cut into stretches alike.
 */
class GrowingLogTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE / 4, 2048})
    void linesWrittenDuringTheAnalysisAreRead(long chunk) throws IOException {
        Path log = dir.resolve("console.raw");
        Files.writeString(log, boots(1, 12, 32768), StandardCharsets.US_ASCII);
        FixtureSessionsTest.Collected found = new FixtureSessionsTest.Collected();
        boolean[] grown = {false};
        LogAnalyzer.FileStats stats = new LogAnalyzer(LogFormats::autoDetect, chunk).analyze(log, found, read -> {
            if (!grown[0]) { // the board logs on while the first bytes are analyzed
                grown[0] = true;
                append(log, boots(13, 1, 40000) + "tls_server.c:306: |3| accepted connection from 127.0.0.1, port 40001\r\n");
            }
        });

        assertTrue(grown[0]);
        assertEquals(Files.size(log), stats.bytes());
        List<SessionSummary> sessions = found.sessions;
        assertEquals(12 * 20 + 20 + 1, sessions.size(), "every session, the last one still open");
        assertEquals(40001, sessions.get(sessions.size() - 1).port());
        assertEquals(SessionOutcome.UNFINISHED, sessions.get(sessions.size() - 1).outcome());
        assertEquals(13, found.boots.size());
    }

    /** {@code count} boots from {@code first}, 20 completed sessions each, ports from {@code port}. */
    private static String boots(int first, int count, int port) {
        StringBuilder sb = new StringBuilder();
        for (int boot = first; boot < first + count; boot++) {
            sb.append("main.c:169: |3| boot ").append(boot).append(", reset cause: soft, image bench\r\n");
            for (int s = 0; s < 20; s++, port++) {
                String p = ", port " + port;
                sb.append("tls_server.c:306: |3| accepted connection from 127.0.0.1").append(p).append("\r\n");
                sb.append("./library/ssl_tls.c:5804: |2| 0x7f1a3c000d50: => handshake").append(p).append("\r\n");
                sb.append("./library/ssl_srv.c:4511: |2| 0x7f1a3c000d50: server state: 3").append(p).append("\r\n");
                sb.append("./library/ssl_tls.c:5815: |2| 0x7f1a3c000d50: <= handshake").append(p).append("\r\n");
                sb.append("tls_server.c:236: |3| connection closed (close notify)").append(p).append("\r\n");
            }
        }
        return sb.toString();
    }

    private static void append(Path log, String text) {
        try {
            Files.writeString(log, text, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
