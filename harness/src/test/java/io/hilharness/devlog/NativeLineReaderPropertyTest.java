package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.ConsoleLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte-level reading of canonical mbedtls lines ({@link NativeLineReader}, {@link NativeLineFacts})
 * must give exactly what the format's String parse and the classifier's rules give. Lines are built
 * from real prefixes, context pointers, message shapes and their near misses, so every branch of the
 * fast path meets lines it must refuse.
 */
class NativeLineReaderPropertyTest {

    private static final Instant T = Instant.parse("2026-11-27T12:00:00Z");

    private static final String[] PREFIXES = {
        "./library/ssl_srv.c:4511: |2| ", "tls_server.c:236: |3| ", "tls_server.c:209: |1| ", "main.c:1:", "main.c:1: ",
        "x.c:12: |4| ", "a.toolongext:1: ", "ssl.c:12345678: ", " ssl.c:1: ", "ssl.c:1: |x| ", "C:\\src\\ssl.c:7: ",
        "lib/x.h:0042: |0|", "..c:1: ", "ssl_tls.c:5804: |9| ", "",
    };
    private static final String[] CONTEXTS = {
        "", "", "0x7f1a3c000d50: ", "0X1: ", "(nil): ", "0x: ", "0x12345678901234567: ", "0xg: ", "0x1:",
    };
    private static final String[] MESSAGES = {
        "server state: 5", "server state: 1234567890", "server state: ", "server state: 5x", "client state: 3",
        "=> handshake", "<= handshake", "=> free", "=> handshake x", "=> freex",
        "accepted connection from 127.0.0.1", "accepted connection from a b", "accepted connection from ",
        "connection closed", "connection closed (eof)", "connection closed (error -0x7780)", "connection closed (x",
        "connection closedx", "connection closed (a -0x1 b -0x2)", "connection closed (-0x123456789)",
        "got an alert message, type: [2:46]", "got an alert message, type: [2:4600]", "got an alert message, type: [1:0] ",
        "is a fatal alert message (msg 46)", "is a fatal alert message (msg 46) ", "is a fatal alert message (msg )",
        "mbedtls_ssl_handshake failed: -0x7780", "mbedtls_ssl_handshake failed: -30592", "mbedtls_ssl_handshake failed: 0x1",
        "mbedtls_ssl_handshake failed: -0x123456789", "mbedtls_ssl_handshake failed: -0x", "mbedtls_ssl_handshake failed: -",
        "mbedtls_ssl_handshake failed: 99999999999", "mbedtls_ssl_handshake() failed: -0x7780",
        "mbedtls_ssl_fetch_input() returned -29312 (-0x7280)", "f() returned 1 (-0X1)", "f() returned 99999999999 (-0x1)",
        "f() returned -1 (-0x123456789)", "() returned -1 (-0x1)", "f() returned -1 (0x1)",
        "dumping 'input record header' (5 bytes)", "dumping 'my signature' (71 bytes)", "dumping 'panic' (5 bytes)",
        "dumping 'x'", "0000:  16 03 03 00 c4                                   .....", "00a0:  41 42  AB",
        "abcd: Panic", "0000: ready, listening on x", "0000: f() returned 1 (-0x1)", "DEAD: x", "0000:x",
        "boot 2, reset cause: soft", "status: boot=3", "GET /style.css", "watchdog timeout", "HARD FAULT", "ALERT",
        "handshake done: TLSv1.2 TLS-ECDHE", "sent 100 bytes of /index.html, status 200", "", "x",
    };
    private static final String[] PORTS = {
        "", ", port 49584", ", port 65535", ", port 65536", ", port 123456", ", port ", ", port 1x", ", port 0",
        ", port 1, port 2",
    };
    private static final String[] NOISE = {"", "", "", "", " ", "\r", "\u00e9", "\u001b[0m", "\t", "\u0000"};

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> built = Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(CONTEXTS),
                messages(), Arbitraries.of(PORTS), Arbitraries.of(NOISE))
                .as((p, c, m, port, noise) -> p + c + m + port + noise);
        List<String> pieces = new ArrayList<>();
        for (String[] group : new String[][] {PREFIXES, CONTEXTS, MESSAGES, PORTS, NOISE}) {
            pieces.addAll(List.of(group));
        }
        Arbitrary<String> shuffled = Arbitraries.of(pieces).list().ofMaxSize(6).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, built), net.jqwik.api.Tuple.of(1, shuffled));
    }

    /** The messages above, and every rule's anchors with a tail: a new rule's lines come up without an edit here. */
    private static Arbitrary<String> messages() {
        List<String> anchors = LineRules.ALL.stream()
                .flatMap(rule -> rule.anchors().stream()).map(LineRule.Anchor::literal).toList();
        Arbitrary<String> fromRules = Combinators.combine(Arbitraries.of(anchors),
                Arbitraries.of("", "5", "46", "-0x7780", "x", " (eof)", "() returned -1 (-0x1)", " 1 -> 2.", " panic"))
                .as(String::concat);
        return Arbitraries.oneOf(Arbitraries.of(MESSAGES), fromRules);
    }

    @Property(tries = 4000)
    void bytesGiveTheFactsOfTheStringParse(@ForAll("lines") String line) {
        DeviceEvent expected = reference(line);
        LineFacts actual = fromBytes(line);
        assertSameFacts(expected, actual);
    }

    /**
     * One parser over many lines, each again with other port suffixes: a line known by its text
     * without the port ({@link LineShapes}) must still give exactly the facts of its own parse.
     */
    @Property(tries = 300)
    void rememberedLinesGiveTheFactsOfTheirOwnParse(@ForAll("logs") List<String> lines) {
        DeviceLogParser parser = DeviceLogParser.inLineOrder(new MbedtlsNativeFormat());
        DeviceLogParser reference = DeviceLogParser.reference(new MbedtlsNativeFormat()); // boots carry over alike
        for (String line : lines) {
            assertSameFacts(reference(reference, line), fromBytes(parser, line));
            String text = line.replaceFirst(", port [0-9]*$", "");
            for (String port : PORTS) {
                assertSameFacts(reference(reference, text + port), fromBytes(parser, text + port));
            }
        }
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return lines().list().ofMaxSize(30);
    }

    @Property(tries = 4000)
    void stringPathGivesTheSameEvent(@ForAll("lines") String line) {
        DeviceLogParser parser = DeviceLogParser.inLineOrder(new MbedtlsNativeFormat());
        List<DeviceEvent> out = new ArrayList<>();
        parser.accept(new ConsoleLine(7, 100, T, line, false), out::add);
        assertEquals(List.of(reference(line)), out);
    }

    @Example
    void typicalLinesAreReadFromTheirBytes() {
        String[] typical = {
            "./library/ssl_srv.c:4511: |2| 0x7f1a3c000d50: server state: 5, port 49584",
            "./library/ssl_tls.c:5804: |2| 0x7f1a3c000d50: => handshake, port 49584",
            "tls_server.c:306: |3| accepted connection from 127.0.0.1, port 49584",
            "./library/ssl_msg.c:4698: |2| 0x7f1a3c000d50: got an alert message, type: [2:46], port 49584",
            "./library/ssl_msg.c:4705: |1| 0x7f1a3c000d50: is a fatal alert message (msg 46), port 49584",
            "tls_server.c:209: |1| mbedtls_ssl_handshake failed: -0x7780, port 49584",
            "tls_server.c:236: |3| connection closed (error -0x7780), port 49584",
            "./library/ssl_srv.c:1416: |1| 0x7f1a3c001350: mbedtls_ssl_fetch_input() returned -29312 (-0x7280), port 49584",
            "./library/ssl_msg.c:2110: |4| 0x7f1a3c000d50: dumping 'input record header' (5 bytes), port 49584",
            "./library/ssl_msg.c:2110: |4| 0x7f1a3c000d50: 0000:  16 03 03 00 c4                                   ....., port 49584",
        };
        for (String line : typical) {
            LineFacts facts = fromBytes(line);
            assertFalse(facts instanceof DeviceEvent, "not read from its bytes: " + line);
            assertSameFacts(reference(line), facts);
        }
        DeviceEvent alert = reference(typical[3]);
        assertEquals(EventType.ALERT_RECEIVED, alert.type());
        assertEquals("certificate_unknown", fromBytes(typical[3]).alertName());
        assertEquals(-0x7780, fromBytes(typical[5]).code());
    }

    @Example
    void linesTheFastPathMustNotJudgeGoTheStringWay() {
        for (String line : new String[] {
            "./library/ssl_srv.c:4511: |2| server state: 5, port 49584 ", // trailing blank: trimmed by the String path
            "\u001b[0m./library/ssl_srv.c:4511: |2| server state: 5", // terminal codes
            "tls_server.c:236: |3| connection closed (caf\u00e9), port 1", // non-ASCII
        }) {
            assertTrue(fromBytes(line) instanceof DeviceEvent, line);
        }
    }

    @Example
    void bootBannersMoveTheBootAndAreNeverRemembered() {
        DeviceLogParser parser = DeviceLogParser.inLineOrder(new MbedtlsNativeFormat());
        String banner = "main.c:169: |3| boot 2, reset cause: soft, image bench, firmware refboard 0.1.0";
        assertEquals(2, fromBytes(parser, banner).boot());
        assertEquals(2, fromBytes(parser, "tls_server.c:236: |3| connection closed, port 1").boot());
        assertEquals(EventType.BOOT, fromBytes(parser, banner.replace("boot 2", "boot 3")).type());
        assertEquals(3, parser.currentBoot());
        assertEquals(3, fromBytes(parser, banner.replace("boot 2", "boot 3")).boot(), "a repeated banner is read again");
        assertEquals(EventType.BOOT, fromBytes(parser, banner).type());
        assertEquals(2, parser.currentBoot(), "the same banner text again: its boot again, not a remembered one");
    }

    private static DeviceEvent reference(String line) {
        return reference(DeviceLogParser.reference(new MbedtlsNativeFormat()), line);
    }

    private static DeviceEvent reference(DeviceLogParser parser, String line) {
        List<DeviceEvent> out = new ArrayList<>();
        parser.accept(new ConsoleLine(7, 100, T, line, false), out::add);
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static LineFacts fromBytes(String line) {
        return fromBytes(DeviceLogParser.inLineOrder(new MbedtlsNativeFormat()), line);
    }

    private static LineFacts fromBytes(DeviceLogParser parser, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bytes.length + 6]; // the line sits inside a larger read buffer
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return snapshot(parser.facts(padded, 3, bytes.length, 7, 100, T, false));
    }

    /** The view is only valid during the call: keep its values (a DeviceEvent stays as it is). */
    private static LineFacts snapshot(LineFacts f) {
        if (f instanceof DeviceEvent) {
            return f;
        }
        return new Snapshot(f.seq(), f.offset(), f.hostTime(), f.boot(), f.deviceMs(), f.type(), f.format(), f.context(),
                f.port(), f.code(), f.alertLevel(), f.alertDescription(), f.alertName(), f.bytes(), f.method(), f.path(),
                f.raw());
    }

    private record Snapshot(long seq, long offset, Instant hostTime, int boot, Long deviceMs, EventType type, String format,
                            String context, Integer port, Integer code, Integer alertLevel, Integer alertDescription,
                            String alertName, Long bytes, String method, String path, String raw) implements LineFacts {
    }

    private static void assertSameFacts(LineFacts expected, LineFacts actual) {
        String line = expected.raw();
        assertEquals(expected.seq(), actual.seq(), line);
        assertEquals(expected.offset(), actual.offset(), line);
        assertEquals(expected.hostTime(), actual.hostTime(), line);
        assertEquals(expected.boot(), actual.boot(), line);
        assertEquals(expected.deviceMs(), actual.deviceMs(), line);
        assertEquals(expected.type(), actual.type(), line);
        assertEquals(expected.format(), actual.format(), line);
        assertEquals(expected.context(), actual.context(), line);
        assertEquals(expected.port(), actual.port(), line);
        assertEquals(expected.code(), actual.code(), line);
        assertEquals(expected.alertLevel(), actual.alertLevel(), line);
        assertEquals(expected.alertDescription(), actual.alertDescription(), line);
        assertEquals(expected.alertName(), actual.alertName(), line);
        assertEquals(expected.bytes(), actual.bytes(), line);
        assertEquals(expected.method(), actual.method(), line);
        assertEquals(expected.path(), actual.path(), line);
        assertEquals(expected.raw(), actual.raw(), line);
    }
}
