package io.hilharness.devlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.hilharness.devlog.Fixtures.board;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One reference-firmware line per event type, board format. */
class EventTypesTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "0: main.c 55: boot 2, reset cause: soft, image selfsigned, firmware refboard 1.4.2 | BOOT",
            "9: httpd.c 88: httpd ready, listening on 127.0.0.1:8443 | READY",
            "1: tls_server.c 120: accepted connection from 127.0.0.1, port 54321 | CONNECTION_ACCEPTED",
            "1: ssl_tls.c 8003: => handshake, port 1 | HANDSHAKE_START",
            "1: ssl_tls.c 8049: <= handshake, port 1 | HANDSHAKE_END",
            "1: ssl_srv.c 4499: server state: 3, port 1 | STATE",
            "1: ssl_tls.c 2148: => write certificate, port 1 | CERTIFICATE_SENT",
            "1: ssl_srv.c 797: selected certificate chain, certificate | CERTIFICATE_SENT",
            "1: WARNING: ssl_msg.c 4698: got an alert message, type: [2:46], port 1 | ALERT_RECEIVED",
            "1: ERROR: ssl_msg.c 4705: is a fatal alert message (msg 46), port 1 | ALERT_FATAL",
            "1: ssl_msg.c 4727: is a close notify message, port 1 | CLOSE_NOTIFY_RECEIVED",
            "1: ssl_msg.c 5071: send alert level=2 message=40, port 1 | ALERT_SENT",
            "1: ERROR: ssl_tls.c 5973: mbedtls_ssl_read_record() returned -30592 (-0x7780), port 1 | DEBUG_RETURN",
            "1: ERROR: ssl_tls.c 1736: alloc(16717 bytes) failed, port 1 | ALLOC_FAILED",
            "1: ERROR: tls_server.c 287: mbedtls_ssl_handshake failed: -0x7780, port 63162 | HANDSHAKE_FAILED",
            "1: tls_server.c 140: handshake done: TLSv1.2 TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256, port 1 | HANDSHAKE_DONE",
            "1: httpd.c 200: GET /style.css, port 1 | HTTP_REQUEST",
            "1: httpd.c 2434: Opening /style.css, port 1 | FILE_OPENED",
            "1: httpd.c 230: sent 123456 bytes of /style.css, status 200, port 1 | RESPONSE_SENT",
            "1: WARNING: httpd.c 210: not found: /x, port 1 | HTTP_NOT_FOUND",
            "1: ERROR: tls_server.c 300: mbedtls_ssl_write failed: -0x004e, port 1 | TLS_IO_ERROR",
            "1: ERROR: tls_server.c 301: mbedtls_ssl_read failed: -0x0050, port 1 | TLS_IO_ERROR",
            "1: ERROR: tls_server.c 110: mbedtls_ssl_setup failed: -0x7f00 | SETUP_FAILED",
            "1: tls_server.c 320: connection closed (eof), port 1 | CONNECTION_CLOSED",
            "1: console.c 40: status: boot 3, uptime 1234 ms, sessions 0/8, connections 42, console drops 0 | STATUS",
            "1: console.c 41: reboot requested | REBOOT_REQUESTED",
            "1: ERROR: main.c 70: manifest error: missing key 'chain' | CONFIG_ERROR",
            "1: ERROR: main.c 71: certificate load failed: -0x2180 | CONFIG_ERROR",
            "1: ERROR: flash.c 12: sector 3 erase timeout | ERROR",
            "1: ssl_msg.c 2110: dumping 'input record header' (5 bytes) | OTHER",
            "1: ssl_msg.c 2110: 0000:  16 03 01 00 c4 | OTHER",
            "1: main.c 61: certificate chain loaded: 1 certificate | OTHER",
    })
    void classifies(String line, EventType expected) {
        assertEquals(expected, board(line).type());
    }

    @Test
    void boot() {
        DeviceEvent e = board("0: main.c 55: boot 2, reset cause: soft, image selfsigned, firmware refboard 1.4.2");
        assertEquals(2, e.boot());
        assertEquals("soft", e.detail());
        assertEquals("selfsigned", e.image());
        assertEquals("refboard 1.4.2", e.firmware());
        assertEquals(0L, e.deviceMs());
    }

    @Test
    void readyAndAccepted() {
        assertEquals("127.0.0.1:8443", board("9: httpd.c 88: httpd ready, listening on 127.0.0.1:8443").detail());
        assertEquals("127.0.0.1:8443",
                board("9: httpd.c 28: httpd ready, listening on 127.0.0.1:8443, 14 ms after reset").detail());
        DeviceEvent a = board("1: tls_server.c 120: accepted connection from 127.0.0.1, port 54321");
        assertEquals(54321, a.port());
        assertEquals("127.0.0.1", a.detail());
        assertEquals("accepted connection from 127.0.0.1", a.message());
        assertTrue(a.isConnectionRelated());
    }

    @Test
    void state() {
        DeviceEvent e = board("1: ssl_srv.c 4499: server state: 3, port 7");
        assertEquals(3, e.state());
        assertEquals("SERVER_CERTIFICATE", e.detail());
        assertEquals(7, e.port());
    }

    @Test
    void alerts() {
        DeviceEvent fatal = board("1: ERROR: ssl_msg.c 4705: is a fatal alert message (msg 48), port 1");
        assertEquals(2, fatal.alertLevel());
        assertEquals(48, fatal.alertDescription());
        assertEquals("unknown_ca", fatal.alertName());

        DeviceEvent close = board("1: ssl_msg.c 4727: is a close notify message, port 1");
        assertEquals("close_notify", close.alertName());

        DeviceEvent sent = board("1: ssl_msg.c 5071: send alert level=2 message=40, port 1");
        assertEquals(2, sent.alertLevel());
        assertEquals(40, sent.alertDescription());
        assertEquals("handshake_failure", sent.alertName());

        DeviceEvent odd = board("1: ssl_msg.c 4698: got an alert message, type: [2:254]");
        assertEquals(254, odd.alertDescription());
        assertNull(odd.alertName());
    }

    @Test
    void debugReturnUsesDecimal() {
        DeviceEvent e = board("1: ERROR: ssl_tls.c 5973: mbedtls_ssl_read_record() returned -30592 (-0x7780), port 1");
        assertEquals(-0x7780, e.code());
        assertEquals("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE", e.codeName());
        assertEquals("mbedtls_ssl_read_record", e.detail());
        assertEquals("-0x7780", e.codeHex());

        DeviceEvent combined = board("1: ERROR: ssl_tls.c 5973: mbedtls_x509_crt_parse() returned -8672 (-0x21e0)");
        assertEquals(-0x21E0, combined.code());
        assertEquals("MBEDTLS_ERR_X509_INVALID_FORMAT + MBEDTLS_ERR_ASN1_OUT_OF_DATA", combined.codeName());
    }

    @Test
    void handshakeFailedAndIoErrorsDecodeCodes() {
        DeviceEvent f = board("1: ERROR: tls_server.c 287: mbedtls_ssl_handshake failed: -0X7280, port 2");
        assertEquals(-0x7280, f.code());
        assertEquals("MBEDTLS_ERR_SSL_CONN_EOF", f.codeName());

        DeviceEvent w = board("1: ERROR: tls_server.c 300: mbedtls_ssl_write failed: -0x004e, port 1");
        assertEquals(-0x4E, w.code());
        assertEquals("MBEDTLS_ERR_NET_SEND_FAILED", w.codeName());
        assertEquals("mbedtls_ssl_write", w.detail());

        DeviceEvent s = board("1: ERROR: tls_server.c 110: mbedtls_ssl_setup failed: -0x7f00");
        assertEquals("MBEDTLS_ERR_SSL_ALLOC_FAILED", s.codeName());
        assertNull(s.port());

        DeviceEvent decimal = board("1: ERROR: tls_server.c 287: mbedtls_ssl_handshake failed: -30592, port 2");
        assertEquals(-0x7780, decimal.code());
    }

    @Test
    void handshakeDone() {
        DeviceEvent e = board("1: tls_server.c 140: handshake done: TLSv1.2 TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256, port 1");
        assertEquals("TLSv1.2", e.tlsVersion());
        assertEquals("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256", e.cipher());
    }

    @Test
    void http() {
        DeviceEvent req = board("1: httpd.c 200: GET /style.css, port 1");
        assertEquals("GET", req.method());
        assertEquals("/style.css", req.path());

        DeviceEvent sent = board("1: httpd.c 230: sent 123456 bytes of /style.css, status 200, port 1");
        assertEquals(123456L, sent.bytes());
        assertEquals("/style.css", sent.path());
        assertEquals(200, sent.status());
        assertEquals(1, sent.port());

        DeviceEvent nf = board("1: WARNING: httpd.c 210: not found: /x, port 1");
        assertEquals("/x", nf.path());
        assertEquals(Severity.WARNING, nf.severity());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "close notify | ",
            "eof | ",
            "done | ",
            "timeout | ",
            "reboot | ",
            "error -0x7780 | -30592",
    })
    void connectionClosedReasons(String reason, Integer code) {
        DeviceEvent e = board("1: tls_server.c 320: connection closed (" + reason + "), port 9");
        assertEquals(EventType.CONNECTION_CLOSED, e.type());
        assertEquals(reason, e.detail());
        assertEquals(code, e.code());
        assertEquals(9, e.port());
    }

    @Test
    void status() {
        DeviceEvent e = board("1: console.c 40: status: boot 3, uptime 1234 ms, sessions 0/8, connections 42, console drops 0");
        assertEquals(Map.of("boot", 3L, "uptimeMs", 1234L, "sessions", 0L, "sessionsMax", 8L,
                "connections", 42L, "consoleDrops", 0L), e.counters());
        assertEquals(3, e.boot());
    }

    @Test
    void configErrorAndGenericError() {
        DeviceEvent c = board("1: ERROR: main.c 71: certificate load failed: -0x2180");
        assertEquals(-0x2180, c.code());
        assertEquals("MBEDTLS_ERR_X509_INVALID_FORMAT", c.codeName());

        DeviceEvent m = board("1: ERROR: main.c 70: manifest error: missing key 'chain'");
        assertEquals("missing key 'chain'", m.detail());

        DeviceEvent g = board("1: ERROR: pk.c 9: key parse: -0x3D00 bad key");
        assertEquals(EventType.ERROR, g.type());
        assertEquals(-0x3D00, g.code());
        assertEquals("MBEDTLS_ERR_PK_KEY_INVALID_FORMAT", g.codeName());
    }

    @Test
    void portOutOfRangeStaysInMessage() {
        DeviceEvent e = board("1: httpd.c 200: GET /a, port 99999");
        assertNull(e.port());
        assertEquals("GET /a, port 99999", e.message());
    }

    @Test
    void unknownInfoLineIsOtherWithMessage() {
        DeviceEvent e = board("3: main.c 61: certificate chain loaded: 1 certificate, key ECDSA P-256");
        assertEquals(EventType.OTHER, e.type());
        assertEquals("board", e.format());
        assertEquals("certificate chain loaded: 1 certificate, key ECDSA P-256", e.message());
    }
}
