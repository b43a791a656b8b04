package io.hilharness.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cortex-M HardFault dump decoded against a Cortex-M ELF file, which arm-none-eabi-addr2line
 * (Debian binutils-arm-none-eabi) reads: the ELF is assembled and linked here from a Thumb function
 * whose load from address 0 faults on its second instruction, so the PC's line is known.
 */
class CortexMDecodingTest {
    private static final String SOURCE = """
                .syntax unified
                .cpu cortex-m4
                .thumb
                .text
                .global read_sensor
                .type read_sensor, %function
            read_sensor:
                movs r0, #0
                ldr r1, [r0]
                bx lr
                .size read_sensor, .-read_sensor
            """;

    @TempDir
    static Path dir;
    static Path elf;

    @BeforeAll
    static void assembleAndLink() throws Exception {
        Path source = Files.writeString(dir.resolve("sensor.s"), SOURCE);
        Path object = dir.resolve("sensor.o");
        elf = dir.resolve("sensor.elf");
        run("arm-none-eabi-as", "-g", "-o", object.toString(), source.toString());
        run("arm-none-eabi-ld", "-Ttext=0x08000000", "-e", "read_sensor", "-o", elf.toString(), object.toString());
    }

    @Test
    void theFaultingInstructionDecodesToItsFunctionAndLine() {
        // The classic hard_fault_handler_c printout (see DeathReportsTest), with this ELF's addresses.
        DeathReport report = DeathReports.read("""
                [Hard fault handler - all numbers in hex]
                R0 = 0x00000000
                LR [R14] = 0xFFFFFFF9  subroutine call return address
                PC [R15] = 0x08000002  program counter
                PSR = 0x21000000
                """.lines().toList()).orElseThrow();
        DecodedCrash crash = DecodedCrash.of(report, elf);

        assertNull(crash.note(), "decoded by arm-none-eabi-addr2line");
        assertEquals("read_sensor", crash.addresses().get(0).frames().get(0).function());
        assertTrue(crash.location().startsWith("read_sensor at ") && crash.location().endsWith("sensor.s:9"),
                crash.location());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " (Debian binutils-arm-none-eabi; ci/test installs it): " + out);
    }
}
