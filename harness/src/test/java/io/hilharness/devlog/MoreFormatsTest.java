package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sample lines of the formats added for field logs, written from the upstream format strings. */
class MoreFormatsTest {

    private static DeviceEvent with(LogFormat format, String text) {
        return Fixtures.one(new DeviceLogParser(format), text);
    }

    @Test
    void mbedTraceStripsColourAndInnerMbedtlsPrefix() {
        DeviceEvent e = with(new MbedTraceFormat(),
                "\r\u001b[2K\u001b[90m[DBG ][TLSW]: ssl_msg.c:4698: |2| 0x20001f00: got an alert message, type: [2:46]\u001b[0m");
        assertEquals(EventType.ALERT_RECEIVED, e.type());
        assertEquals("certificate_unknown", e.alertName());
        assertEquals("ssl_msg.c", e.file());
        assertEquals(4698, e.line());
        assertEquals(2, e.debugLevel());
        assertEquals("0x20001f00", e.context());
        assertEquals("mbed-trace", e.format());
        assertTrue(e.raw().startsWith("\r\u001b[2K"), "raw keeps the terminal codes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[ERR ][TLSW]: handshake failed | ERROR",
            "[WARN][TLSW]: slow | WARNING",
            "[INFO][APP ]: hello | INFO",
            "[CMD ][cli ]: status | INFO"})
    void mbedTraceLevels(String line, Severity severity) {
        assertEquals(severity, with(new MbedTraceFormat(), line).severity());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "E (5191) mbedtls: ssl_tls.c:6781 mbedtls_ssl_handshake() returned -30592 (-0x7780) | ERROR | DEBUG_RETURN | 5191",
            "W (10) mbedtls: ssl_msg.c:4698 got an alert message, type: [2:48] | WARNING | ALERT_RECEIVED | 10",
            "I (1022) main: boot 1, reset cause: power-on | INFO | BOOT | 1022",
            "D (5120) mbedtls: ssl_tls.c:6754 => handshake | INFO | HANDSHAKE_START | 5120",
            "V (5121) mbedtls: ssl_srv.c:4344 server state: 3 | INFO | STATE | 5121"})
    void espIdfLevelsAndMbedtlsSource(String line, Severity severity, EventType type, long ms) {
        DeviceEvent e = with(new EspIdfFormat(), "\u001b[0;31m" + line + "\u001b[0m");
        assertEquals(severity, e.severity());
        assertEquals(type, e.type());
        assertEquals(ms, e.deviceMs());
    }

    @Test
    void lwipAltcpPrefixIsTheMbedtlsFormatWithoutLevel() {
        DeviceEvent e = with(LogFormats.byName("lwip"), "../library/ssl_tls.c:6754: => handshake");
        assertEquals(EventType.HANDSHAKE_START, e.type());
        assertNull(e.debugLevel());
        assertEquals("ssl_tls.c", e.file());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TCP connection request 49152 -> 443. | TCP_CONNECTION_REQUEST | 49152",
            "TCP connection established 49152 -> 443. | TCP_CONNECTION_ESTABLISHED | 49152",
            "TCP connection closed: FIN_WAIT_2 49152 -> 443. | TCP_CONNECTION_CLOSED | 49152",
            "TCP connection closed: LAST_ACK 49153 -> 443. | TCP_CONNECTION_CLOSED | 49153"})
    void lwipRawTcpLinesCarryTheClientPort(String line, EventType type, int port) {
        DeviceEvent e = with(LogFormats.autoDetect(), line);
        assertEquals(type, e.type());
        assertEquals(port, e.port());
    }

    @Test
    void lwipRawResourceAndHttpdLines() {
        DeviceLogParser p = new DeviceLogParser(new MbedtlsNativeFormat());
        List<DeviceEvent> events = Fixtures.parse(p, List.of(
                "tcp_listen_input: listen backlog exceeded for port 443",
                "memp_malloc: out of memory in pool TCP_PCB",
                "Received \"GET\" request for URI: \"/style.css\"",
                "Received 517 bytes",
                "http_send: pcb=0x20003f10 hs=0x20004000 left=2048",
                "tcp_close: closing in "));
        assertEquals(List.of(EventType.LISTEN_BACKLOG_EXCEEDED, EventType.MEMORY_POOL_EXHAUSTED,
                EventType.HTTP_REQUEST, EventType.TRANSFER_PROGRESS, EventType.TRANSFER_PROGRESS, EventType.OTHER),
                events.stream().map(DeviceEvent::type).toList());
        assertEquals("443", events.get(0).detail());
        assertEquals("TCP_PCB", events.get(1).detail());
        assertEquals("/style.css", events.get(2).path());
        assertEquals(2048L, events.get(4).bytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Guru Meditation Error: Core  0 panic'ed (LoadProhibited).",
            "HardFault_Handler: HFSR 0x40000000",
            "E (7000) task_wdt: Task watchdog got triggered.",
            "assertion \"pcb->state == LISTEN\" failed: file \"tcp.c\", line 812",
            "++ MbedOS Fault Handler ++ Kernel panic",
            "ets Jan  8 2013,rst cause:4, boot mode:(3,6) watchdog reset"})
    void deathPatternsMarkCrashes(String line) {
        assertEquals(EventType.CRASH, with(LogFormats.autoDetect(), line).type());
    }

    @Test
    void noCrashOnOrdinaryLines() {
        assertEquals(EventType.OTHER, with(LogFormats.autoDetect(), "watchdog fed").type());
        assertEquals(EventType.BOOT, Fixtures.board("0: main.c 55: boot 3, reset cause: watchdog reset").type());
    }

    @Test
    void regexFormatUsesNamedGroupsAndDeathPatterns() {
        RegexLogFormat f = new RegexLogFormat("mine",
                Pattern.compile("^<(?<time>[0-9]+)> (?<level>[0-9]) (?<file>\\S+)#(?<line>[0-9]+) (?<msg>.*)"),
                List.of(Pattern.compile("OOPS")));
        DeviceEvent e = with(f, "<42> 1 src/ssl_msg.c#4705 is a fatal alert message (msg 48)");
        assertEquals(EventType.ALERT_FATAL, e.type());
        assertEquals(42L, e.deviceMs());
        assertEquals(Severity.ERROR, e.severity());
        assertEquals("ssl_msg.c", e.file());
        assertEquals(4705, e.line());
        assertEquals(EventType.CRASH, with(f, "<43> 3 main.c#1 OOPS").type());
        assertEquals(EventType.OTHER, with(f, "no match at all").type());
    }

    @Test
    void autoDetectionPrefersWrappingFormats() {
        AutoDetectFormat auto = LogFormats.autoDetect();
        with(auto, "[DBG ][TLSW]: ssl_tls.c:6754: |2| => handshake");
        assertEquals("mbed-trace", auto.name());
        AutoDetectFormat esp = LogFormats.autoDetect();
        with(esp, "D (1) mbedtls: ssl_tls.c:6754 => handshake");
        assertEquals("esp-idf", esp.name());
    }

    @Test
    void clientStateAndFreeAndSignature() {
        assertEquals(EventType.CLIENT_STATE, Fixtures.mbedtls("./library/ssl_cli.c:4260: |2| 0x1: client state: 2").type());
        assertEquals(EventType.SSL_FREE, Fixtures.mbedtls("./library/ssl_tls.c:6751: |2| 0x1: => free").type());
        DeviceEvent sig = Fixtures.mbedtls("./library/ssl_srv.c:3615: |3| 0x1: dumping 'my signature' (71 bytes)");
        assertEquals(EventType.KEY_EXCHANGE, sig.type());
        assertEquals(71L, sig.bytes());
    }
}
