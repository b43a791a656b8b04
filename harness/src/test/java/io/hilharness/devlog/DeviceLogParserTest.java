package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hilharness.console.ConsoleLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceLogParserTest {

    @Test
    void carriesConsoleLineFields() {
        Instant t = Instant.parse("2026-02-03T04:05:06Z");
        List<DeviceEvent> events = new DeviceLogParser(new BoardLogFormat())
                .accept(new ConsoleLine(42, 4096, t, "1: httpd.c 200: GET /a, port 5", true));
        assertEquals(1, events.size());
        DeviceEvent e = events.get(0);
        assertEquals(42, e.seq());
        assertEquals(4096, e.offset());
        assertEquals(t, e.hostTime());
        assertTrue(e.truncated());
        assertEquals("1: httpd.c 200: GET /a, port 5", e.raw());
    }

    @Test
    void tracksBootAcrossTwoBoots() {
        DeviceLogParser parser = new DeviceLogParser(new BoardLogFormat());
        List<DeviceEvent> events = Fixtures.parse(parser, List.of(
                "garbage before any banner",
                "0: main.c 55: boot 1, reset cause: power-on, image selfsigned, firmware refboard 1.4.2",
                "9: httpd.c 88: httpd ready, listening on 127.0.0.1:8443",
                "5000: console.c 41: reboot requested",
                "\u0000\u0000",
                "0: main.c 55: boot 2, reset cause: soft, image selfsigned, firmware refboard 1.4.2",
                "9: httpd.c 88: httpd ready, listening on 127.0.0.1:8443"));
        assertEquals(List.of(0, 1, 1, 1, 1, 2, 2), events.stream().map(DeviceEvent::boot).toList());
        assertEquals(EventType.REBOOT_REQUESTED, events.get(3).type());
        assertEquals(2, parser.currentBoot());
    }

    @Test
    void statusLineSuppliesBootWhenBannerWasMissed() {
        DeviceLogParser parser = new DeviceLogParser(new BoardLogFormat());
        List<DeviceEvent> events = Fixtures.parse(parser, List.of(
                "9: httpd.c 200: GET /a, port 5",
                "25000: console.c 40: status: boot 4, uptime 25000 ms, sessions 0/8, connections 3, console drops 0",
                "25001: httpd.c 200: GET /b, port 6"));
        assertEquals(List.of(0, 4, 4), events.stream().map(DeviceEvent::boot).toList());
    }

    @Test
    void autoDetectSettlesOnFirstRecognisedFormat() {
        AutoDetectFormat auto = LogFormats.autoDetect();
        DeviceLogParser parser = new DeviceLogParser(auto);
        List<DeviceEvent> events = Fixtures.parse(parser, List.of(
                "U-Boot noise",
                "./library/ssl_tls.c:8003: |2| 0x7ffd413c27e0: => handshake",
                "18004: ssl_srv.c 797: selected certificate chain, certificate"));
        assertEquals("mbedtls", auto.name());
        assertEquals(EventType.OTHER, events.get(0).type());
        assertNull(events.get(0).format());
        assertEquals(EventType.HANDSHAKE_START, events.get(1).type());
        // Decided on mbedtls: the board line is kept, not misread.
        assertEquals(EventType.OTHER, events.get(2).type());
        assertNull(events.get(2).format());

        AutoDetectFormat board = LogFormats.autoDetect();
        Fixtures.parse(new DeviceLogParser(board), Fixtures.lines("board-selfsigned.log"));
        assertEquals("board", board.decided().orElseThrow().name());
    }

    @Test
    void formatsByName() {
        assertEquals("board", LogFormats.byName("board").name());
        assertEquals("mbedtls", LogFormats.byName(" MBEDTLS ").name());
        assertEquals("auto", LogFormats.byName("auto").name());
        assertEquals("board", DeviceLogParser.forFormat("board").format().name());
        assertThrows(IllegalArgumentException.class, () -> LogFormats.byName("syslog"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            " ",
            "\u0000",
            "\u0000\u0000\u0000\u0000",
            "\uFFFD\uFFFD\uFFFD",
            "\u001b[31mred\u001b[0m",
            "\r",
            "\t\u0007\b\f\u007f",
            "1: main.c",
            "1: main.c 2",
            ": .c 1:",
            "0x: ",
            "99999999999999999999: main.c 99999999: x",
            "1: main.c 2: boot 99999999999999, reset cause: x",
            "1: main.c 2: server state: 99999999999",
            "1: main.c 2: mbedtls_ssl_handshake failed: -0xFFFFFFFF",
            "1: main.c 2: f() returned -99999999999 (-0xffffffff)",
            "1: main.c 2: got an alert message, type: [999:999]",
            "1: main.c 2: sent 99999999999999999999 bytes of /x, status 200",
            "1: main.c 2: status: boot 99999999999999999999, , , x 1/",
            "a.c:1: |9| 0x: ",
            "\uD800 lone surrogate \uDFFF",
    })
    void neverThrowsOnHostileText(String text) {
        DeviceEvent e = Fixtures.one(new DeviceLogParser(LogFormats.autoDetect()), text);
        assertEquals(text, e.raw());
        assertTrue(e.type() != null && e.severity() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u0000", "\uFFFD\uFFFD garbage \uFFFD", "\u0001\u0002\u0003", "random words only"})
    void unrecognisedLinesAreOtherWithRawKept(String text) {
        for (LogFormat format : List.of(new BoardLogFormat(), new MbedtlsNativeFormat(), LogFormats.autoDetect())) {
            DeviceEvent e = Fixtures.one(new DeviceLogParser(format), text);
            assertEquals(EventType.OTHER, e.type());
            assertEquals(Severity.INFO, e.severity());
            assertEquals(text, e.raw());
            assertEquals(text, e.message());
            assertNull(e.format());
        }
    }

    @Test
    void nullTextIsAnEmptyLine() {
        DeviceEvent e = new DeviceLogParser(new BoardLogFormat()).accept(new ConsoleLine(1, 0, null, null, false)).get(0);
        assertEquals(EventType.OTHER, e.type());
        assertEquals("", e.raw());
    }

    /**
     * A megabyte line is kept whole, and the regex work on it is bounded, whatever its length: a
     * format's prefix is looked for only near the start, and a message too long for any firmware
     * line is not classified.
     */
    @Test
    void megabyteLinesAreKeptAndReadOnlyWithinTheirBounds() {
        DeviceLogParser parser = new DeviceLogParser(LogFormats.autoDetect());
        for (String text : List.of("A".repeat(1 << 20), "a.c".repeat(350_000), "1: ".repeat(350_000))) {
            DeviceEvent e = Fixtures.one(parser, text);
            assertEquals(text, e.raw());
            assertEquals(EventType.OTHER, e.type());
        }
        String request = "1: httpd.c 200: GET /";
        assertEquals(EventType.HTTP_REQUEST, Fixtures.board(request + "x, port 5").type());

        DeviceEvent longRequest = Fixtures.board(request + "x".repeat(1 << 20) + ", port 5");
        assertEquals("board", longRequest.format());
        assertEquals(EventType.OTHER, longRequest.type(), "a message past the classified length is not classified");
        assertTrue(longRequest.message().length() > MessageClassifier.MAX_CLASSIFIED_LENGTH);

        DeviceEvent latePrefix = Fixtures.board("x".repeat(LineText.PREFIX_WINDOW) + request + "x, port 5");
        assertNull(latePrefix.format(), "a prefix is looked for only within the first " + LineText.PREFIX_WINDOW + " chars");
        DeviceEvent earlyPrefix = Fixtures.board("x".repeat(LineText.PREFIX_WINDOW - request.length()) + request + "x, port 5");
        assertEquals("board", earlyPrefix.format());
    }

    @Test
    void controlCharsInsideAParsedLine() {
        DeviceEvent e = Fixtures.board("12: httpd.c 2434: Opening /a\u0000b\uFFFD.html\r");
        assertEquals(EventType.FILE_OPENED, e.type());
        assertEquals("/a\u0000b\uFFFD.html", e.path());
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<DeviceEvent> events = Fixtures.parse(new DeviceLogParser(new BoardLogFormat()),
                Fixtures.lines("board-selfsigned.log"));
        for (DeviceEvent e : events) {
            String json = mapper.writeValueAsString(e);
            assertFalse(json.contains("connectionRelated"), json);
            assertFalse(json.contains(":null"), json);
            assertEquals(e, mapper.readValue(json, DeviceEvent.class));
        }
        String failed = mapper.writeValueAsString(events.get(17));
        assertTrue(failed.contains("\"codeName\":\"MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE\""), failed);
        assertTrue(failed.contains("\"hostTime\":\"2026-01-01T00:00:00.018Z\""), failed);
    }
}
