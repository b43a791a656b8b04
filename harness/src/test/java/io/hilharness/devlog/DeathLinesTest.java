package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first line of each death report format io.hilharness.crash.DeathReports reads marks its boot as
 * crashed, whatever prefix the board's logging puts before it. Sources of the samples are cited in
 * DeathReportsTest; the ordinary lines around them stay what they are.
 */
class DeathLinesTest {

    private static EventType type(String line) {
        return Fixtures.one(new DeviceLogParser(LogFormats.autoDetect()), line).type();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Guru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.",
            "abort() was called at PC 0x4201f91b on core 0",
            "assert failed: tcp_update_rcv_ann_wnd tcp.c:951 (new_rcv_ann_wnd <= 0xffff)",
            "++ MbedOS Fault Handler ++",
            "[2019-09-04 17:37:27.873] ++ MbedOS Fault Handler ++",
            "[00:00:02.586,456] <err> os: ***** USAGE FAULT *****",
            "***** HARD FAULT *****",
            "[00:00:02.647,430] <err> os: >>> ZEPHYR FATAL ERROR 33: Unknown error on CPU 0",
            "[Hard fault handler - all numbers in hex]",
            "Assertion \"pbuf_free: p->ref > 0\" failed at line 753 in ../../src/core/pbuf.c",
            "assertion \"ctx->state == MBEDTLS_SSL_HANDSHAKE_OVER\" failed: file \"../Core/Src/https.c\", line 312, function: https_write",
            "refboard: src/httpd.c:210: handle: Assertion `slot != NULL' failed.",
            "Fatal exception 28(LoadProhibitedCause):",
            "1757: ERROR: httpd.c 210: assertion \"tls_server_request_slot_free(c)\" failed: file \"src/httpd.c\", line 210, function: handle, port 49980"})
    void eachFormatsDeathLineIsACrash(String line) {
        assertEquals(EventType.CRASH, type(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "700: WARNING: ssl_msg.c 4705: is a fatal alert message (msg 48), port 56120",
            "Core 1 register dump:",
            "Backtrace:0x4009593c:0x3ffe8650 0x400947d1:0x3ffe8670",
            "PC   : 0000182C"})
    void theLinesAroundADeathLineAreNoneThemselves(String line) {
        assertEquals(false, type(line) == EventType.CRASH, line);
    }
}
