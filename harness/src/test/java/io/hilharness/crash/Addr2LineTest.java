package io.hilharness.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding against a real ELF file, compiled here with gcc -g from a tiny C file whose lines we know,
 * so a decoder that made the answer up could not pass. The addresses come from the ELF's own symbol
 * table (nm), as a board's backtrace would give them.
 */
class Addr2LineTest {
    private static final String SOURCE = """
            #include <stdlib.h>
            __attribute__((noinline)) int check_slot(int n)
            {
                if (n > 3)
                    abort();
                return n + 1;
            }
            int main(int argc, char **argv)
            {
                (void)argv;
                return check_slot(argc);
            }
            """;

    @TempDir
    static Path dir;
    static Path elf;
    static long checkSlot;

    @BeforeAll
    static void compile() throws Exception {
        Path c = Files.writeString(dir.resolve("tiny.c"), SOURCE);
        elf = dir.resolve("tiny");
        run("gcc", "-g", "-O0", "-no-pie", "-o", elf.toString(), c.toString());
        for (String line : run("nm", elf.toString()).split("\n")) {
            if (line.endsWith(" T check_slot")) {
                checkSlot = Long.parseUnsignedLong(line.substring(0, line.indexOf(' ')), 16);
            }
        }
        assertTrue(checkSlot > 0, "nm found check_slot");
    }

    @Test
    void anAddressDecodesToItsFunctionFileAndLine() throws IOException {
        Map<Long, List<SourceFrame>> decoded = Addr2Line.decode(elf, List.of(checkSlot, 0x10L));

        SourceFrame frame = decoded.get(checkSlot).get(0);
        assertEquals("check_slot", frame.function());
        assertTrue(frame.file().endsWith("tiny.c"), frame.file());
        assertEquals(3, frame.line(), "the function's first line (its opening brace)");
        SourceFrame nothing = decoded.get(0x10L).get(0);
        assertNull(nothing.function(), "an address outside the code is ??");
        assertNull(nothing.line());
    }

    @Test
    void aCrashsLocationIsTheFirstFrameOutsideTheAbortMachinery() {
        DeathReport report = new DeathReport("abort", "abort() called", null,
                List.of(new CodeAddress("backtrace #0", checkSlot)), List.of("Backtrace: 0x" + Long.toHexString(checkSlot)));
        DecodedCrash crash = DecodedCrash.of(report, elf);

        assertNull(crash.note());
        assertTrue(crash.location().startsWith("check_slot at ") && crash.location().endsWith("tiny.c:3"), crash.location());
    }

    @Test
    void withoutAnElfTheAddressesStayRaw() {
        DeathReport report = new DeathReport("hard fault", "HardFault", null,
                List.of(new CodeAddress("pc", 0x8000d72L)), List.of("PC [R15] = 0x08000D72"));
        DecodedCrash raw = DecodedCrash.of(report, null);
        assertEquals("pc 0x8000d72", raw.location());
        assertTrue(raw.note().contains("names no ELF file"), raw.note());

        DecodedCrash missing = DecodedCrash.of(report, dir.resolve("absent.elf"));
        assertTrue(missing.note().contains("not found"), missing.note());
        assertTrue(missing.addresses().get(0).frames().isEmpty());
    }

    @Test
    void theElfsMachineChoosesTheAddr2line() throws IOException {
        assertEquals("addr2line", Addr2Line.toolFor(elf)[0]);
        byte[] arm = new byte[52];
        arm[0] = 0x7F;
        arm[1] = 'E';
        arm[2] = 'L';
        arm[3] = 'F';
        arm[5] = 1; // little endian
        arm[18] = 40; // EM_ARM
        assertEquals("arm-none-eabi-addr2line", Addr2Line.toolFor(Files.write(dir.resolve("cortex-m.elf"), arm))[0]);
        Path text = Files.writeString(dir.resolve("not-elf"), "hello");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Addr2Line.toolFor(text));
        assertTrue(e.getMessage().contains("not an ELF file"));
    }

    @Test
    void inlinedFramesComeInnermostFirstUnderTheirAddress() {
        Map<Long, List<SourceFrame>> decoded = new java.util.LinkedHashMap<>();
        Addr2Line.parse("""
                0x0000000000403da5
                handle
                /src/httpd.c:210
                httpd_serve
                /src/httpd.c:254 (discriminator 1)
                0x0000000000475d7b
                start_thread
                pthread_create.o:?
                """, decoded);
        assertEquals(List.of(new SourceFrame("handle", "/src/httpd.c", 210), new SourceFrame("httpd_serve", "/src/httpd.c", 254)),
                decoded.get(0x403da5L));
        assertEquals(List.of(new SourceFrame("start_thread", "pthread_create.o", null)), decoded.get(0x475d7bL));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
