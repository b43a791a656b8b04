package io.hilharness.devlog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hilharness.devlog.Fixtures.mbedtls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MbedtlsNativeFormatTest {

    private final MbedtlsNativeFormat format = new MbedtlsNativeFormat();

    @Test
    void keepsBasenameAndStripsContextPointer() {
        LogLine l = format.parse("./library/ssl_msg.c:4698: |2| 0x7ffd413c27e0: got an alert message, type: [2:46]");
        assertEquals("mbedtls", l.format());
        assertEquals("ssl_msg.c", l.file());
        assertEquals(4698, l.line());
        assertEquals(2, l.debugLevel());
        assertEquals("0x7ffd413c27e0", l.context());
        assertEquals("got an alert message, type: [2:46]", l.message());
        assertNull(l.deviceMs());
    }

    @Test
    void zeroPaddedLineAndNoPointer() {
        LogLine l = format.parse("ssl_srv.c:0970: |3| selected certificate chain, certificate #1:");
        assertEquals(970, l.line());
        assertNull(l.context());
    }

    @Test
    void windowsPath() {
        assertEquals("ssl_tls.c", format.parse("C:\\mbedtls\\library\\ssl_tls.c:8003: |2| => handshake").file());
    }

    @Test
    void severityFromLevel() {
        assertEquals(Severity.ERROR, format.parse("ssl_msg.c:4705: |1| is a fatal alert message (msg 46)").severity());
        assertEquals(Severity.WARNING, format.parse("ssl_msg.c:4698: |2| got an alert message, type: [2:46]").severity());
        assertEquals(Severity.WARNING, format.parse("ssl_msg.c:5071: |3| send alert level=2 message=40").severity());
        assertEquals(Severity.INFO, format.parse("ssl_srv.c:4499: |2| server state: 3").severity());
        assertEquals(Severity.INFO, format.parse("ssl_msg.c:2110: |4| 0000:  16 03 01 00 c4").severity());
    }

    @Test
    void lwipVariantWithoutLevel() {
        LogLine l = format.parse("ssl_tls.c:8003: => handshake");
        assertNull(l.debugLevel());
        assertEquals("=> handshake", l.message());
        assertEquals(EventType.HANDSHAKE_START, mbedtls("ssl_tls.c:8003: => handshake").type());
    }

    @Test
    void rejectsBoardLines() {
        assertNull(format.parse("18004: ssl_srv.c 797: selected certificate chain, certificate"));
        assertNull(format.parse("plain text"));
    }

    @Test
    void nativeFixture() {
        List<DeviceEvent> events = Fixtures.parse(new DeviceLogParser(format), Fixtures.lines("mbedtls-native.log"));
        List<EventType> types = events.stream().map(DeviceEvent::type).toList();
        assertEquals(List.of(
                EventType.HANDSHAKE_START, EventType.STATE, EventType.OTHER, EventType.STATE, EventType.OTHER,
                EventType.OTHER, EventType.OTHER, EventType.CERTIFICATE_SENT, EventType.OTHER, EventType.STATE,
                EventType.CERTIFICATE_SENT, EventType.ALERT_RECEIVED, EventType.ALERT_FATAL,
                EventType.DEBUG_RETURN, EventType.DEBUG_RETURN, EventType.ALERT_SENT, EventType.ALLOC_FAILED,
                EventType.CLOSE_NOTIFY_RECEIVED, EventType.HANDSHAKE_END), types);
        events.forEach(e -> assertEquals("0x7ffd413c27e0", e.context()));
        events.forEach(e -> assertEquals("mbedtls", e.format()));

        DeviceEvent alert = events.get(11);
        assertEquals(48, alert.alertDescription());
        assertEquals("unknown_ca", alert.alertName());
        DeviceEvent fatal = events.get(12);
        assertEquals(Severity.ERROR, fatal.severity());
        assertEquals("unknown_ca", fatal.alertName());
        DeviceEvent ret = events.get(14);
        assertEquals("mbedtls_ssl_read_record", ret.detail());
        assertEquals(-0x7780, ret.code());
        assertEquals(Severity.ERROR, ret.severity());
        DeviceEvent sent = events.get(15);
        assertEquals(2, sent.alertLevel());
        assertEquals("handshake_failure", sent.alertName());
        assertEquals(16717L, events.get(16).bytes());
    }
}
