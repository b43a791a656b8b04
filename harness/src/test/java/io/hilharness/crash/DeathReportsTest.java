package io.hilharness.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Death reports as boards print them. Each sample is quoted from a public report of a real crash
 * (its source in the comment); only our own firmware's line is ours.
 */
class DeathReportsTest {

    private static DeathReport read(String text) {
        return DeathReports.read(text.lines().toList()).orElseThrow();
    }

    private static List<String> hex(DeathReport report) {
        return report.addresses().stream().map(a -> a.role() + " " + a.hex()).toList();
    }

    @Test
    void espIdfV4LoadProhibitedPanicWithItsRegisterDumpAndBacktrace() {
        // ESP-IDF v4 (Xtensa) panic handler output, from gist maBarabas/c0d683adfdaf6c8769a0b310e78c93a8
        // ("Backtrace for esp-idf bug report", 2022); same shape as espressif/esp-idf issue #1853.
        DeathReport report = read("""
                Guru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.
                Core 1 register dump:
                PC      : 0x4009593f  PS      : 0x00060333  A0      : 0x800947d4  A1      : 0x3ffe8650
                A2      : 0x3ffbabf0  A3      : 0x00000000  A4      : 0x00060320  A5      : 0x00060323
                A14     : 0x00000001  A15     : 0x8407051d  SAR     : 0x00000010  EXCCAUSE: 0x0000001c
                EXCVADDR: 0x00000004  LBEG    : 0x4000c349  LEND    : 0x4000c36b  LCOUNT  : 0xffffffff

                Backtrace:0x4009593c:0x3ffe8650 0x400947d1:0x3ffe8670 0x400928ab:0x3ffe8690 0x400f0cf6:0x3ffe86b0

                Rebooting...
                ets Jun  8 2016 00:22:57
                """);
        assertEquals("panic", report.kind());
        assertEquals("Guru Meditation Error: LoadProhibited on core 1", report.reason());
        assertEquals(List.of("pc 0x4009593f", "backtrace #0 0x4009593c", "backtrace #1 0x400947d1",
                "backtrace #2 0x400928ab", "backtrace #3 0x400f0cf6"), hex(report));
        assertTrue(report.lines().stream().noneMatch(l -> l.contains("Rebooting") || l.startsWith("ets")),
                "the report ends where the chip restarts");
    }

    @Test
    void espIdfAbortWithItsBacktraceAndNoRegisterDump() {
        // ESP-IDF v5 (ESP32-S3) abort() output, from espressif/arduino-esp32 issue #9407.
        DeathReport report = read("""
                abort() was called at PC 0x4201f91b on core 0


                Backtrace: 0x40377fb2:0x3fcebd00 0x4037b435:0x3fcebd20 0x40380c91:0x3fcebd40 0x4201f91b:0x3fcebdc0 0x4201f962:0x3fcebde0




                ELF file SHA256: d8317379328ebdb8

                Rebooting...
                ESP-ROM:esp32s3-20210327
                Saved PC:0x40377bc0
                """);
        assertEquals("abort", report.kind());
        assertEquals("abort() called at PC 0x4201f91b on core 0", report.reason());
        assertEquals(List.of("abort caller 0x4201f91b", "backtrace #0 0x40377fb2", "backtrace #1 0x4037b435",
                "backtrace #2 0x40380c91", "backtrace #4 0x4201f962"), hex(report),
                "the next boot's 'Saved PC' is not this death's PC");
    }

    @Test
    void espIdfV5AssertNamesFunctionFileAndLine() {
        // ESP-IDF v5 newlib assert hook format "assert failed: %s %s:%d (%s)" (components/newlib/assert.c).
        DeathReport report = read("""
                assert failed: tcp_update_rcv_ann_wnd tcp.c:951 (new_rcv_ann_wnd <= 0xffff)


                Backtrace: 0x40081ab6:0x3ffc8f90 0x4008a2f1:0x3ffc8fb0
                """);
        assertEquals("assertion", report.kind());
        assertEquals("assertion \"new_rcv_ann_wnd <= 0xffff\" failed", report.reason());
        assertEquals("tcp_update_rcv_ann_wnd at tcp.c:951", report.assertedAt());
        assertEquals(2, report.addresses().size());
    }

    @Test
    void mbedOsHardFaultWithPcAndAnExcReturnInLr() {
        // Mbed OS fault handler output, from ARMmbed/mbed-os issue #8135 (SAML21: HardFault on SysTick_Handler).
        DeathReport report = read("""
                ++ MbedOS Fault Handler ++

                FaultType: HardFault

                Context:
                R0   : 46138E90
                R12  : 20007EE8
                SP   : 20007F80
                LR   : FFFFFFF9
                PC   : 0000182C
                xPSR : 2100000B
                PSP  : 46138E90

                -- MbedOS Fault Handler --
                """);
        assertEquals("hard fault", report.kind());
        assertEquals("HardFault", report.reason());
        assertEquals(List.of("pc 0x182c"), hex(report), "LR holds EXC_RETURN (0xFFFFFFF9), not a code address");
    }

    @Test
    void mbedOsHardFaultWithACodeAddressInLr() {
        // Mbed OS fault handler output, from ARMmbed/mbed-os pull request #11332 (timestamps of the serial tool kept).
        DeathReport report = read("""
                [2019-09-04 17:37:27.873] ++ MbedOS Fault Handler ++
                [2019-09-04 17:37:27.901] FaultType: HardFault
                [2019-09-04 17:37:28.150] SP   : 2002FFA8
                [2019-09-04 17:37:28.171] LR   : 0000060F
                [2019-09-04 17:37:28.183] PC   : 00005276
                [2019-09-04 17:37:28.199] xPSR : 2101000B
                """);
        assertEquals(List.of("pc 0x5276", "lr 0x60f"), hex(report));
    }

    @Test
    void zephyrCortexMFaultWithLoggingPrefixes() {
        // Zephyr fault dump (nRF52840), from arduino/ArduinoCore-zephyr issue #52.
        DeathReport report = read("""
                [00:00:02.586,456] <err> os: ***** USAGE FAULT *****
                [00:00:02.595,092] <err> os:   No coprocessor instructions
                [00:00:02.604,278] <err> os: r0/a1:  0x428861e1  r1/a2:  0x40510c3c  r2/a3:  0xe6666668
                [00:00:02.616,241] <err> os: r3/a4:  0x10a21878 r12/ip:  0x00000000 r14/lr:  0x2000badf
                [00:00:02.628,173] <err> os:  xpsr:  0x21000000
                [00:00:02.636,352] <err> os: Faulting instruction address (r15/pc): 0x2000bade
                [00:00:02.647,430] <err> os: >>> ZEPHYR FATAL ERROR 33: Unknown error on CPU 0
                [00:00:02.658,508] <err> os: Current thread: 0x20001898 (main)
                """);
        assertEquals("hard fault", report.kind());
        assertEquals("USAGE FAULT", report.reason());
        assertEquals(List.of("pc 0x2000bade", "lr 0x2000badf"), hex(report));
    }

    @Test
    void theClassicHardFaultHandlerPrintout() {
        // hard_fault_handler_c from "Cortex-M3 / M4 Hard Fault Handler" (blog.frankvh.com, 2011), after
        // Joseph Yiu's book; the widely copied printf format.
        DeathReport report = read("""
                [Hard fault handler - all numbers in hex]
                R0 = 0x00000000
                R12 = 0x20000F28
                LR [R14] = 0x08000D9F  subroutine call return address
                PC [R15] = 0x08000D72  program counter
                PSR = 0x21000000
                BFAR = 0xE000ED38
                CFSR = 0x400
                HFSR = 0x40000000
                """);
        assertEquals("hard fault", report.kind());
        assertEquals("HardFault", report.reason());
        assertEquals(List.of("pc 0x8000d72", "lr 0x8000d9f"), hex(report));
    }

    @Test
    void lwipsDefaultAssertion() {
        // LWIP_PLATFORM_ASSERT's default printf (lwIP src/include/lwip/arch.h), as in
        // Infineon/lwip-freertos-integration arch/cc.h; the message is pbuf_free's own assertion.
        DeathReport report = read("Assertion \"pbuf_free: p->ref > 0\" failed at line 753 in ../../src/core/pbuf.c");
        assertEquals("assertion", report.kind());
        assertEquals("assertion \"pbuf_free: p->ref > 0\" failed", report.reason());
        assertEquals("../../src/core/pbuf.c:753", report.assertedAt());
        assertTrue(report.addresses().isEmpty());
    }

    @Test
    void newlibAndGlibcAssertions() {
        // newlib's __assert_func: "assertion \"%s\" failed: file \"%s\", line %d%s%s\n" (newlib/libc/stdlib/assert.c).
        DeathReport newlib = read("assertion \"ctx->state == MBEDTLS_SSL_HANDSHAKE_OVER\" failed: file "
                + "\"../Core/Src/https.c\", line 312, function: https_write");
        assertEquals("https_write at ../Core/Src/https.c:312", newlib.assertedAt());
        // glibc's __assert_fail: "%s%s%s:%u: %s%sAssertion `%s' failed.\n" (assert/assert.c).
        DeathReport glibc = read("refboard: src/httpd.c:210: handle: Assertion `slot != NULL' failed.");
        assertEquals("assertion \"slot != NULL\" failed", glibc.reason());
        assertEquals("handle at src/httpd.c:210", glibc.assertedAt());
    }

    @Test
    void theReferenceFirmwaresAssertionWithItsBacktrace() {
        DeathReport report = read("""
                1757: ERROR: httpd.c 210: assertion "tls_server_request_slot_free(c)" failed: file "src/httpd.c", line 210, function: handle, port 49980
                1757: ERROR: fault.c 30: Backtrace: 0x402f34 0x403da5 0x406106 0x475d7b 0x4d995b
                """);
        assertEquals("assertion \"tls_server_request_slot_free(c)\" failed", report.reason());
        assertEquals("handle at src/httpd.c:210", report.assertedAt());
        assertEquals(5, report.addresses().size());
    }

    @Test
    void aDeathLineOfNoKnownFormatIsACrashNamedByItsLine() {
        DeathReport report = read("  watchdog timeout: task httpd did not feed");
        assertEquals("crash", report.kind());
        assertEquals("watchdog timeout: task httpd did not feed", report.reason());
        assertNull(report.assertedAt());
    }

    @Test
    void aLongReportIsCut() {
        List<String> lines = new java.util.ArrayList<>(List.of("Guru Meditation Error: Core  0 panic'ed (IllegalInstruction)."));
        for (int i = 0; i < 200; i++) {
            lines.add("A" + i + "      : 0x00000000");
        }
        assertEquals(DeathReports.MAX_LINES, DeathReports.read(lines).orElseThrow().lines().size());
        assertTrue(DeathReports.read(List.of()).isEmpty());
    }
}
