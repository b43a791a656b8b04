package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lwIP's own console output as lwip-board prints it (lines taken from fixtures/devlog/lwip). */
class LwipFormatTest {

    private static DeviceEvent auto(String line) {
        return Fixtures.one(new DeviceLogParser(LogFormats.autoDetect()), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[    0.025] mem_malloc: could not allocate 2456 bytes | ALLOC_FAILED | 25",
        "[    4.614] ./library/ssl_tls.c:3991: 0x58d020: alloc(16717 bytes) failed | ALLOC_FAILED | 4614",
        "[    0.045] ./library/ssl_tls.c:3892: 0x576820: alloc() of ssl sub-contexts failed | ALLOC_FAILED | 45",
        "[    0.045] mbedtls_ssl_setup failed | SETUP_FAILED | 45",
        "[   12.001] memp_malloc: out of memory in pool TCP_PCB | MEMORY_POOL_EXHAUSTED | 12001",
        "[    1.262] mbedtls_ssl_handshake failed: -30592 | HANDSHAKE_FAILED | 1262",
        "[    2.065] ./library/ssl_msg.c:4698: 0x578430: got an alert message, type: [2:48] | ALERT_RECEIVED | 2065",
        "[    1.262] ./library/ssl_msg.c:4705: 0x578430: is a fatal alert message (msg 48) | ALERT_FATAL | 1262",
        "[    0.434] TCP connection request 48168 -> 443. | TCP_CONNECTION_REQUEST | 434",
        "[    0.706] http_accept 0x5f26d0 / (nil) | CONNECTION_ACCEPTED | 706",
        "[    3.555] Closing connection 0x5f1da0 | CONNECTION_CLOSED | 3555",
        "[    2.037] http_err: Connection closed. | CONNECTION_CLOSED | 2037",
        "[    0.514] Sent 2920 bytes | TRANSFER_PROGRESS | 514",
        "1234 ms: TCP connection established 48168 -> 443. | TCP_CONNECTION_ESTABLISHED | 1234",
        "1234: tcp_listen_input: could not allocate PCB | SETUP_FAILED | 1234"})
    void failureAndConnectionLinesThroughTheTimePrefix(String line, EventType type, long ms) {
        DeviceEvent e = auto(line + "\r");
        assertEquals(type, e.type(), e.toString());
        assertEquals(LwipFormat.NAME, e.format());
        assertEquals(ms, e.deviceMs());
    }

    @Test
    void fieldsOfFailureLines() {
        DeviceEvent handshake = auto("[    1.262] mbedtls_ssl_handshake failed: -30592");
        assertEquals(-0x7780, handshake.code(), "altcp prints the code in decimal");
        assertEquals("MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE", handshake.codeName());
        assertEquals(16736L, auto("[    4.614] mem_malloc: could not allocate 16736 bytes").bytes());
        DeviceEvent alert = auto("[    2.065] ./library/ssl_msg.c:4698: 0x578430: got an alert message, type: [2:48]");
        assertEquals("ssl_msg.c", alert.file());
        assertEquals("unknown_ca", alert.alertName());
        assertEquals(-0x0050, auto("[    9.000] http_err: Connection reset.").code(), "lwIP's ERR_RST is the client's reset");
        assertEquals("TCP_PCB", auto("[   12.001] memp_malloc: out of memory in pool TCP_PCB").detail());
    }

    @Test
    void bannerWithoutTimeNamesTheStackAndDecidesTheFormat() {
        DeviceLogParser parser = new DeviceLogParser(LogFormats.autoDetect());
        List<DeviceEvent> events = Fixtures.parse(parser, List.of(
                "boot 1, reset cause: power-on, image lwip-good, firmware lwip-board 0.1.0 (lwIP 2.2.1, Mbed TLS 2.28.10)\r",
                "[    0.081] tcp_bind: bind to port 443\r",
                "httpd ready on 192.168.77.2:443, 80 ms after reset\r",
                "status\r",
                "[    0.489] \r",
                "[    1.000] TCP connection req[    1.001] mem_malloc: could not allocate 16736 bytes\r"));
        assertEquals(EventType.BOOT, events.get(0).type());
        assertEquals(1, events.get(0).boot());
        assertEquals(EventType.READY, events.get(2).type());
        assertEquals("192.168.77.2:443", events.get(2).detail());
        assertEquals(EventType.OTHER, events.get(3).type(), "an echoed console command");
        assertEquals(EventType.OTHER, events.get(4).type(), "the blank line after an mbedTLS message");
        assertEquals(EventType.ALLOC_FAILED, events.get(5).type(), "two threads' lines merged: the complete one counts");
        assertEquals(1001L, events.get(5).deviceMs());
    }

    @Test
    void otherFormatsKeepTheirLines() {
        assertEquals(BoardLogFormat.NAME, auto("682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]").format());
        assertEquals(MbedtlsNativeFormat.NAME, auto("./library/ssl_tls.c:6754: |2| => handshake").format());
        assertEquals(MbedtlsNativeFormat.NAME, auto("../library/ssl_tls.c:6754: => handshake").format(),
                "an mbedTLS line without a time is no proof of lwIP");
    }

    @Test
    void linesAreTiedToConnectionsByPortPointerOrContext() {
        List<DeviceEvent> events = Fixtures.parse(new DeviceLogParser(LogFormats.autoDetect()),
                Fixtures.lines("lwip/lwip-good-curl.console.log"));
        DeviceEvent request = first(events, "TCP connection request 38116");
        assertEquals(Attribution.EXACT, request.attribution());
        DeviceEvent accept = first(events, "http_accept 0x5f26d0");
        assertEquals(38116, accept.port(), "accepted right after 'established 38116' on the tcpip thread");
        assertEquals(Attribution.CONTEXT, accept.attribution());
        DeviceEvent send = first(events, "http_send: pcb=0x5f26d0");
        assertEquals(38116, send.port());
        assertEquals(Attribution.POINTER, send.attribution());
        DeviceEvent opening = first(events, "Opening /dashboard.html");
        assertEquals(38116, opening.port());
        assertEquals("0x5f26d0", opening.context());
        assertEquals(Attribution.CONTEXT, opening.attribution(), "no identity: it follows its connection's request");
        assertTrue(events.stream().anyMatch(e -> e.attribution() == Attribution.AMBIGUOUS),
                "six connections in their handshakes at once");
        assertTrue(events.stream().filter(e -> e.type() == EventType.HTTP_REQUEST).allMatch(e -> e.port() != null));
    }

    @Test
    void withoutTcpDebugTheSslContextIsTheIdentity() {
        List<DeviceEvent> events = Fixtures.parse(new DeviceLogParser(LogFormats.autoDetect()),
                Fixtures.lines("lwip/lwip-good-threshold2-nodebug.console.log"));
        DeviceEvent freedAtStart = first(events, "0x576290: => free");
        assertNull(freedAtStart.attribution(), "a context freed before any connection belongs to none");
        assertNull(freedAtStart.context());
        DeviceEvent handshake = first(events, "0x576470: => handshake");
        assertEquals("0x576470", handshake.context());
        assertNull(handshake.port());
    }

    private static DeviceEvent first(List<DeviceEvent> events, String text) {
        return events.stream().filter(e -> e.raw().contains(text)).findFirst().orElseThrow(() -> new AssertionError(text));
    }
}
