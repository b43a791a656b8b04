package io.hilharness.devlog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fixtures/devlog/board-selfsigned.log: a self-signed board; two browser connections rejected with
 * alert 46 (ports 50001, 50002), then one accepted connection (50003) serving two files.
 */
class SelfSignedSessionTest {

    private static List<DeviceEvent> events;

    @BeforeAll
    static void parse() {
        List<String> lines = Fixtures.lines("board-selfsigned.log");
        events = Fixtures.parse(new DeviceLogParser(LogFormats.byName("board")), lines);
        assertEquals(lines.size(), events.size());
    }

    private static List<DeviceEvent> ofType(EventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    private static List<DeviceEvent> onPort(int port) {
        return events.stream().filter(e -> e.port() != null && e.port() == port).toList();
    }

    @Test
    void everyLineIsParsedInOneBoot() {
        events.forEach(e -> assertEquals("board", e.format(), e.raw()));
        events.forEach(e -> assertEquals(1, e.boot(), e.raw()));
        assertEquals(1, ofType(EventType.BOOT).size());
        assertEquals("127.0.0.1:8443", ofType(EventType.READY).get(0).detail());
        assertEquals(1, ofType(EventType.OTHER).size(), "only the certificate-loaded line is unknown");
    }

    @Test
    void seqAndOffsetsFollowTheFile() {
        assertEquals(1, events.get(0).seq());
        assertEquals(0, events.get(0).offset());
        long expected = events.get(0).raw().length() + 1;
        assertEquals(expected, events.get(1).offset());
    }

    @Test
    void twoConnectionsRejectedWithCertificateUnknown() {
        List<DeviceEvent> alerts = ofType(EventType.ALERT_RECEIVED).stream()
                .filter(e -> "fatal".equals(TlsAlerts.level(e.alertLevel()))).toList();
        assertEquals(List.of(50001, 50002), alerts.stream().map(DeviceEvent::port).toList());
        alerts.forEach(a -> assertEquals("certificate_unknown", a.alertName()));

        List<DeviceEvent> failed = ofType(EventType.HANDSHAKE_FAILED);
        assertEquals(List.of(50001, 50002), failed.stream().map(DeviceEvent::port).toList());
        failed.forEach(f -> assertEquals("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE", f.codeName()));
    }

    @Test
    void rejectedConnectionSequence() {
        List<EventType> types = onPort(50001).stream().map(DeviceEvent::type).distinct().toList();
        assertEquals(List.of(EventType.CONNECTION_ACCEPTED, EventType.HANDSHAKE_START, EventType.STATE,
                EventType.CERTIFICATE_SENT, EventType.ALERT_RECEIVED, EventType.ALERT_FATAL,
                EventType.DEBUG_RETURN, EventType.HANDSHAKE_FAILED, EventType.CONNECTION_CLOSED), types);
        DeviceEvent closed = onPort(50002).get(onPort(50002).size() - 1);
        assertEquals(EventType.CONNECTION_CLOSED, closed.type());
        assertEquals(-0x7780, closed.code());
    }

    @Test
    void acceptedConnectionServesTwoFiles() {
        List<DeviceEvent> ok = onPort(50003);
        assertEquals(1, ok.stream().filter(e -> e.type() == EventType.HANDSHAKE_DONE).count());
        DeviceEvent done = ofType(EventType.HANDSHAKE_DONE).get(0);
        assertEquals("TLSv1.2", done.tlsVersion());
        assertEquals("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256", done.cipher());

        assertEquals(List.of("/dashboard.html", "/style.css"),
                ofType(EventType.HTTP_REQUEST).stream().map(DeviceEvent::path).toList());
        assertEquals(List.of("/dashboard.html", "/style.css"),
                ofType(EventType.FILE_OPENED).stream().map(DeviceEvent::path).toList());
        Map<String, Long> sent = ofType(EventType.RESPONSE_SENT).stream()
                .collect(Collectors.toMap(DeviceEvent::path, DeviceEvent::bytes));
        assertEquals(Map.of("/dashboard.html", 5120L, "/style.css", 2048L), sent);
        ofType(EventType.RESPONSE_SENT).forEach(r -> assertEquals(200, r.status()));

        List<EventType> tail = ok.subList(ok.size() - 3, ok.size()).stream().map(DeviceEvent::type).toList();
        assertEquals(List.of(EventType.ALERT_RECEIVED, EventType.CLOSE_NOTIFY_RECEIVED, EventType.CONNECTION_CLOSED), tail);
        assertEquals("close notify", ok.get(ok.size() - 1).detail());
    }

    @Test
    void statesAreNamed() {
        List<String> names = onPort(50003).stream().filter(e -> e.type() == EventType.STATE)
                .map(DeviceEvent::detail).toList();
        assertEquals("HELLO_REQUEST", names.get(0));
        assertTrue(names.contains("SERVER_CERTIFICATE"));
        assertEquals("HANDSHAKE_WRAPUP", names.get(names.size() - 1));
    }

    @Test
    void finalStatus() {
        DeviceEvent status = ofType(EventType.STATUS).get(0);
        assertEquals(3L, status.counters().get("connections"));
        assertEquals(8L, status.counters().get("sessionsMax"));
        assertEquals(25000L, status.deviceMs());
    }

    @Test
    void severities() {
        assertEquals(6, events.stream().filter(e -> e.severity() == Severity.ERROR).count());
        assertEquals(3, events.stream().filter(e -> e.severity() == Severity.WARNING).count());
    }
}
