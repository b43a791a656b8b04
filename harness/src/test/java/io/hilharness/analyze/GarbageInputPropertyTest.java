package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.ConsoleLine;
import io.hilharness.console.LineFramer;
import io.hilharness.console.RawCapture;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes, truncated log lines, 1 MB lines and mixed encodings go through the capture, the
 * framer, the parser and the session tracker: no exception, one event per framed line, every byte
 * in the raw capture, and every line's text equal to its bytes in the capture.
 */
class GarbageInputPropertyTest {

    private static final String[] SAMPLES = {
        "./library/ssl_msg.c:4698: |2| 0x7ffd413c27e0: got an alert message, type: [2:46], port 4242\r\n",
        "./library/ssl_tls.c:8003: |2| 0x7ffd413c27e0: => handshake\n",
        "./library/ssl_msg.c:2110: |4| 0x1: dumping 'x' (40 bytes)\n",
        "./library/ssl_msg.c:2110: |4| 0x1: 0000:  16 03 01 00 c4 00 01 02 03 04 05 06 07 08 09 0a  ................\n",
        "682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46], port 5\r\n",
        "\u001b[90m[DBG ][TLSW]: ssl_tls.c:6754: |2| => handshake\u001b[0m\r\n",
        "E (5191) mbedtls: ssl_tls.c:6781 mbedtls_ssl_handshake() returned -30592 (-0x7780)\n",
        "TCP connection request 49152 -> 443.\n",
        "tcp_close: closing in ",
        "Guru Meditation Error: Core 0 panic'ed\n",
    };

    @Provide
    Arbitrary<byte[]> logs() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> sample = Arbitraries.of(SAMPLES).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.of(SAMPLES).flatMap(s -> Arbitraries.integers().between(0, s.length())
                .map(n -> s.substring(0, n).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> latin1 = Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMaxLength(200)
                .map(s -> (s + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> utf16 = Arbitraries.of(SAMPLES).map(s -> s.getBytes(StandardCharsets.UTF_16LE));
        Arbitrary<byte[]> huge = Arbitraries.integers().between(1 << 20, (1 << 20) + 17).map(n -> {
            byte[] b = new byte[n];
            java.util.Arrays.fill(b, (byte) 'a');
            b[n / 2] = (byte) 0xE2; // a 3-byte UTF-8 lead, cut
            return b;
        });
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, sample), net.jqwik.api.Tuple.of(5, truncated), net.jqwik.api.Tuple.of(3, random),
                net.jqwik.api.Tuple.of(2, latin1), net.jqwik.api.Tuple.of(2, utf16), net.jqwik.api.Tuple.of(1, huge));
        return piece.list().ofMaxSize(30).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Property(tries = 15)
    void survivesAnythingAndLosesNothing(@ForAll("logs") byte[] input, @ForAll("chunks") int chunk) throws Exception {
        Path file = Files.createTempFile("garbage", ".log");
        Files.delete(file);
        try {
            check(input, chunk, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void check(byte[] input, int chunk, Path file) throws Exception {
        DeviceLogParser parser = new DeviceLogParser(LogFormats.autoDetect());
        List<ConsoleLine> lines = new ArrayList<>();
        List<DeviceEvent> events = new ArrayList<>();
        List<SessionSummary> sessions = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(new SessionTracker.Listener() {
            @Override
            public void session(SessionSummary s) {
                sessions.add(s);
            }

            @Override
            public void boot(BootSummary b) {
            }
        });
        LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, 0,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), line -> {
                    lines.add(line);
                    for (DeviceEvent e : parser.accept(line)) {
                        events.add(e);
                        tracker.accept(e);
                    }
                });
        try (RawCapture capture = RawCapture.open(file)) {
            for (int off = 0; off < input.length; off += chunk) {
                int n = Math.min(chunk, input.length - off);
                capture.append(input, off, n);
                framer.feed(input, off, n);
            }
        }
        framer.flush();
        for (DeviceEvent e : parser.flush()) {
            events.add(e);
            tracker.accept(e);
        }
        tracker.finish();

        assertArrayEquals(input, Files.readAllBytes(file), "every byte in the raw capture");
        assertEquals(lines.size(), events.size(), "one event per line");
        // Hex dump rows of one ssl context are held until their dump ends, so events of different
        // contexts may swap; every line must still be there exactly once.
        assertEquals(java.util.stream.LongStream.rangeClosed(1, lines.size()).boxed().toList(),
                events.stream().map(DeviceEvent::seq).sorted().toList(), "no line lost");
        for (int i = 0; i < lines.size(); i++) {
            ConsoleLine line = lines.get(i);
            int start = (int) line.offset();
            assertTrue(start >= 0 && start <= input.length);
            // The line's text is the decoding of its own bytes in the capture: up to its terminator,
            // or, for a piece of a cut line, up to where the next piece starts.
            int end = start;
            while (end < input.length && input[end] != '\n' && input[end] != '\r') {
                end++;
            }
            if (i + 1 < lines.size() && lines.get(i + 1).offset() < end) {
                end = (int) lines.get(i + 1).offset();
            }
            assertEquals(new String(input, start, end - start, StandardCharsets.UTF_8), line.text());
        }
        assertTrue(sessions.stream().allMatch(s -> s.outcome() != null));
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.of(7, 512, 65536);
    }
}
