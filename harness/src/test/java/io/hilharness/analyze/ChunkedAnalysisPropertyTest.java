package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.devlog.LogFormat;
import io.hilharness.devlog.LogFormats;
import io.hilharness.devlog.LogFormatsFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A log cut into many small stretches and read on several cores must give exactly what reading it
 * in one go gives: every session (keys, line numbers, offsets, outcomes), every boot, the totals.
 * The logs mix what makes a cut unsafe: boot numbers that repeat, banner text inside other lines,
 * sessions without port or context (their keys name line numbers), CR and CRLF, garbage, long lines.
 */
class ChunkedAnalysisPropertyTest {

    private static final String[] SESSION = {
        "tls_server.c:306: |3| accepted connection from 127.0.0.1, port %P",
        "./library/ssl_tls.c:5804: |2| %C: => handshake, port %P",
        "./library/ssl_srv.c:4511: |2| %C: server state: 3, port %P",
        "./library/ssl_msg.c:2110: |4| %C: dumping 'input record header' (5 bytes), port %P",
        "./library/ssl_msg.c:2110: |4| %C: 0000:  16 03 03 00 c4                                   ....., port %P",
        "./library/ssl_msg.c:4698: |2| %C: got an alert message, type: [2:46], port %P",
        "./library/ssl_tls.c:5815: |2| %C: <= handshake, port %P",
        "httpd.c:207: |3| GET /style.css, port %P",
        "tls_server.c:209: |1| mbedtls_ssl_handshake failed: -0x7780, port %P",
        "tls_server.c:236: |3| connection closed (eof), port %P",
        "./library/ssl_tls.c:5804: |2| => handshake", // no port, no context: keyed by line number
        "./library/ssl_srv.c:4511: |2| server state: 5",
        "tls_server.c:236: |3| connection closed",
        "./library/ssl_tls.c:5804: |2| %C: => free",
        "garbage \u00e9\u0001 with a note, reset cause: none", // banner text, not a banner
        "\u001b[0m./library/ssl_srv.c:4511: |2| %C: server state: 9, port %P",
        "Guru Meditation Error: Core 0 panic'ed",
    };

    @Property(tries = 25)
    void manyStretchesGiveWhatOneReadingGives(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed)
            throws IOException {
        Path log = Files.createTempFile("chunked", ".log");
        try {
            Files.write(log, generate(new Random(seed)));
            assertSame(log, LogFormats::autoDetect);
        } finally {
            Files.delete(log);
        }
    }

    @Example
    void aLogWhoseStartNoFormatKnowsIsReadInOneGo() throws IOException {
        Path log = Files.createTempFile("chunked", ".log");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < 3000; i++) {
                out.writeBytes(("plain text line " + i + ", reset cause: none\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(generate(new Random(7)));
            Files.write(log, out.toByteArray());
            assertSame(log, LogFormats::autoDetect);
        } finally {
            Files.delete(log);
        }
    }

    @Property(tries = 5)
    void userFormatsAndTheirDeathPatternsSurviveTheCuts(@ForAll @LongRange(min = 1, max = 1000) long seed)
            throws IOException, LogFormatsFile.FormatConfigException {
        Path log = Files.createTempFile("chunked", ".log");
        Path formats = Files.createTempFile("formats", ".yaml");
        try {
            Files.write(log, generate(new Random(seed)));
            Files.writeString(formats, "formats:\n  - name: quiet\n    pattern: '^QUIET (?<msg>.*)$'\n"
                    + "    death: ['server state: 5']\n");
            List<? extends LogFormat> user = LogFormatsFile.read(formats);
            assertSame(log, () -> LogFormats.autoDetect(user));
        } finally {
            Files.delete(log);
            Files.delete(formats);
        }
    }

    private static void assertSame(Path log, Supplier<LogFormat> formats) throws IOException {
        Recorded whole = new Recorded();
        LogAnalyzer.FileStats wholeStats = new LogAnalyzer(formats, Long.MAX_VALUE / 4).analyze(log, whole, n -> { });
        Recorded cut = new Recorded();
        LogAnalyzer.FileStats cutStats = new LogAnalyzer(formats, 2048).analyze(log, cut, n -> { });
        assertTrue(whole.found.size() > 1, "the log has findings");
        assertEquals(whole.found, cut.found);
        assertEquals(wholeStats, cutStats);
    }

    /** Boots of sessions; boot numbers sometimes repeat, so some cuts cannot be kept. */
    private static byte[] generate(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int boot = 1;
        int port = 40000;
        int lines = 2000 + random.nextInt(4000);
        for (int i = 0; i < lines; i++) {
            String line;
            if (random.nextInt(60) == 0) {
                boot = random.nextInt(4) == 0 ? boot : boot + 1;
                line = "main.c:169: |3| boot " + boot + ", reset cause: soft, image bench, firmware refboard 0.1.0";
            } else if (random.nextInt(500) == 0) {
                line = "x".repeat(70_000); // longer than the framer's limit: cut into pieces
            } else {
                if (random.nextInt(8) == 0) {
                    port = 40000 + random.nextInt(30);
                }
                line = SESSION[random.nextInt(SESSION.length)].replace("%P", Integer.toString(port))
                        .replace("%C", random.nextBoolean() ? "0x7f1a3c000d50" : "0x7f1a3c001350");
            }
            String end = switch (random.nextInt(10)) {
                case 0 -> "\r";
                case 1, 2 -> "\n";
                default -> "\r\n";
            };
            out.writeBytes((line + end).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static final class Recorded implements SessionTracker.Listener {
        final List<Object> found = new ArrayList<>();

        @Override
        public void session(SessionSummary session) {
            found.add(session);
        }

        @Override
        public void boot(BootSummary boot) {
            found.add(boot);
        }
    }
}
