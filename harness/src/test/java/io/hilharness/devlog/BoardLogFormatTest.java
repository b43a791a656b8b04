package io.hilharness.devlog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hilharness.devlog.Fixtures.board;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoardLogFormatTest {

    private final BoardLogFormat format = new BoardLogFormat();

    @Test
    void splitsPlainPrefix() {
        LogLine l = format.parse("18004: ssl_srv.c 797: selected certificate chain, certificate");
        assertEquals("board", l.format());
        assertEquals(18004L, l.deviceMs());
        assertEquals(Severity.INFO, l.severity());
        assertEquals("ssl_srv.c", l.file());
        assertEquals(797, l.line());
        assertNull(l.debugLevel());
        assertEquals("selected certificate chain, certificate", l.message());
    }

    @Test
    void readsSeverityPrefixes() {
        assertEquals(Severity.WARNING,
                format.parse("682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]").severity());
        assertEquals(Severity.ERROR,
                format.parse("682397: ERROR: altcp_tls_mbedtls.c 287: mbedtls_ssl_handshake failed: -0x7780, port 63162")
                        .severity());
    }

    @Test
    void fieldSampleLines() {
        List<DeviceEvent> events = Fixtures.parse(new DeviceLogParser(format), Fixtures.lines("field-sample.log"));
        assertEquals(4, events.size());

        DeviceEvent cert = events.get(0);
        assertEquals(EventType.CERTIFICATE_SENT, cert.type());
        assertEquals(18004L, cert.deviceMs());

        DeviceEvent alert = events.get(1);
        assertEquals(EventType.ALERT_RECEIVED, alert.type());
        assertEquals(Severity.WARNING, alert.severity());
        assertEquals("ssl_tls.c", alert.file());
        assertEquals(4253, alert.line());
        assertEquals(2, alert.alertLevel());
        assertEquals(46, alert.alertDescription());
        assertEquals("certificate_unknown", alert.alertName());
        assertNull(alert.port());

        DeviceEvent failed = events.get(2);
        assertEquals(EventType.HANDSHAKE_FAILED, failed.type());
        assertEquals(Severity.ERROR, failed.severity());
        assertEquals("altcp_tls_mbedtls.c", failed.file());
        assertEquals(-0x7780, failed.code());
        assertEquals("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE", failed.codeName());
        assertEquals(63162, failed.port());
        assertEquals("mbedtls_ssl_handshake failed: -0x7780", failed.message());

        DeviceEvent opened = events.get(3);
        assertEquals(EventType.FILE_OPENED, opened.type());
        assertEquals("/dashboard.html", opened.path());
        assertNull(opened.port());
        assertEquals(687291L, opened.deviceMs());
    }

    @Test
    void findsPrefixAfterLeadingNoise() {
        DeviceEvent e = board("\u0000\u0000\uFFFD\u001b[0m682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]");
        assertEquals(EventType.ALERT_RECEIVED, e.type());
        assertEquals(682374L, e.deviceMs());

        DeviceEvent dap = board("<DAPLink:Overflow>19270: httpd.c 200: GET /x.html, port 50003");
        assertEquals(EventType.HTTP_REQUEST, dap.type());
        assertEquals(19270L, dap.deviceMs());
    }

    @Test
    void noiseDigitsAreNotTakenAsPartOfATimestamp() {
        // A digit run too long for a timestamp must not be cut to its tail and read as one.
        assertNull(format.parse("1234567890123456: main.c 1: hello"));
        LogLine l = format.parse("\uFFFD18004: main.c 1: hello");
        assertEquals(18004L, l.deviceMs());
        assertEquals("hello", l.message());
    }

    @Test
    void keepsBasenameOfPathAndEmptyMessage() {
        LogLine l = format.parse("5: src/net/tls_server.c 12:");
        assertEquals("tls_server.c", l.file());
        assertEquals("", l.message());
    }

    @Test
    void rejectsOtherFormats() {
        assertNull(format.parse("./library/ssl_tls.c:8003: |2| => handshake"));
        assertNull(format.parse("hello world"));
        assertNull(format.parse(""));
        assertNull(format.parse("12: not a file line"));
    }
}
