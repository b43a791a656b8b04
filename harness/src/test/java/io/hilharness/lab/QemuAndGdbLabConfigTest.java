package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.flash.CommandFlasher;
import io.hilharness.board.flash.GdbFlasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab entries for the QEMU board ({@code kind: qemu}) and for flashing through a GDB server. */
class QemuAndGdbLabConfigTest {
    @TempDir
    Path dir;

    private static final String GDB_BOARD = """
            boards:
              nucleo-gdb:
                kind: serial
                console: {port: /dev/ttyACM0}
                endpoint: 192.0.2.10:443
                flash:
                  method: gdb
                  gdb: 192.0.2.20:2331
                  reset_command: monitor reset
                  elf: firmware.elf
            """;

    private LabConfig read(String text) throws Exception {
        return LabConfig.read(Files.writeString(dir.resolve("lab.yaml"), text));
    }

    private String fails(String text) {
        return assertThrows(LabConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void aQemuBoardIsAKindThatBringsItsOwnConsoleEndpointAndFlash() throws Exception {
        LabConfig lab = read("""
                boards:
                  qemu-1:
                    kind: qemu
                    tags: [qemu]
                    dir: boards/qemu-1
                    reset: {method: console, command: reboot}
                """);
        assertTrue(lab.boards().get(0).isQemu());

        String endpoint = fails("""
                boards:
                  qemu-1:
                    kind: qemu
                    endpoint: 127.0.0.1:8443
                """);
        assertTrue(endpoint.contains(":4: field 'boards.qemu-1.endpoint': a QEMU board has its own"), endpoint);

        String flash = fails("""
                boards:
                  qemu-1:
                    kind: qemu
                    flash: {method: gdb, gdb: 127.0.0.1:1234, reset_command: monitor system_reset}
                """);
        assertTrue(flash.contains(":4: field 'boards.qemu-1.flash': a QEMU board has its own"), flash);

        String reset = fails("""
                boards:
                  qemu-1:
                    kind: qemu
                    reset: {method: dtr}
                """);
        assertTrue(reset.contains("field 'boards.qemu-1.reset.method': a QEMU board resets by console command or QMP"), reset);
    }

    @Test
    void theGdbMethodLoadsThroughTheNamedServerWithItsResetCommand() throws Exception {
        FlashSpec flash = read(GDB_BOARD).boards().get(0).spec().flash();

        assertTrue(flash.throughGdb());
        assertEquals("monitor reset", flash.gdbResetCommand());
        assertInstanceOf(GdbFlasher.class, LabBoards.flasher(flash, Map.of(), dir, null));
    }

    @Test
    void theGdbMethodNeedsAServerAddressAndAResetCommand() {
        String server = fails(GDB_BOARD.replace("      gdb: 192.0.2.20:2331\n", ""));
        assertTrue(server.contains(":6: field 'boards.nucleo-gdb.flash.gdb': required for this flash method: the GDB server as host:port"),
                server);

        String address = fails(GDB_BOARD.replace("gdb: 192.0.2.20:2331", "gdb: /dev/ttyBmpGdb"));
        assertTrue(address.contains(":8: field 'boards.nucleo-gdb.flash.gdb': "), address);

        String reset = fails(GDB_BOARD.replace("      reset_command: monitor reset\n", ""));
        assertTrue(reset.contains(":6: field 'boards.nucleo-gdb.flash.reset_command': required for this flash method: "
                + "the server's reset command"), reset);
    }

    @Test
    void openocdPyocdAndJlinkGainAGdbServerVariantWithTheirDocumentedReset() throws Exception {
        LabConfig lab = read("""
                boards:
                  ocd:
                    kind: serial
                    console: {port: /dev/ttyACM0}
                    endpoint: 192.0.2.11:443
                    flash: {method: openocd, gdb: 192.0.2.21:3333, elf: firmware.elf}
                  pyocd:
                    kind: serial
                    console: {port: /dev/ttyACM1}
                    endpoint: 192.0.2.12:443
                    flash: {method: pyocd, gdb: 192.0.2.22:3333, elf: firmware.elf, tool: arm-none-eabi-gdb}
                  jlink:
                    kind: serial
                    console: {port: /dev/ttyACM2}
                    endpoint: 192.0.2.13:443
                    flash: {method: jlink, gdb: 192.0.2.23:2331, elf: firmware.elf, reset_command: monitor reset 0}
                """);

        assertEquals("monitor reset run", lab.boards().get(0).spec().flash().gdbResetCommand());
        assertEquals("monitor reset", lab.boards().get(1).spec().flash().gdbResetCommand());
        assertEquals("monitor reset 0", lab.boards().get(2).spec().flash().gdbResetCommand());
        for (LabBoard board : lab.boards()) {
            assertInstanceOf(GdbFlasher.class, LabBoards.flasher(board.spec().flash(), Map.of(), dir, null), board.name());
        }
    }

    @Test
    void withoutGdbTheToolRunsItselfAndTheGdbKeysAreMistakes() throws Exception {
        LabConfig lab = read("""
                boards:
                  ocd:
                    kind: serial
                    console: {port: /dev/ttyACM0}
                    endpoint: 192.0.2.11:443
                    flash: {method: openocd, config: board/st_nucleo_f4.cfg}
                """);
        assertInstanceOf(CommandFlasher.class, LabBoards.flasher(lab.boards().get(0).spec().flash(), Map.of(), dir, null));

        String stFlash = fails(GDB_BOARD.replace("method: gdb", "method: st-flash"));
        assertTrue(stFlash.contains(":8: field 'boards.nucleo-gdb.flash.gdb': a GDB server applies to flash methods "
                + "[gdb, openocd, pyocd, jlink] only"), stFlash);

        String resetCommand = fails(GDB_BOARD.replace("      gdb: 192.0.2.20:2331\n", "").replace("method: gdb", "method: st-flash"));
        assertTrue(resetCommand.contains("field 'boards.nucleo-gdb.flash.reset_command': applies when flashing through a GDB server"),
                resetCommand);
    }

    @Test
    void theToolsOwnParametersAndItsFlashToolResetDoNotMixWithItsGdbServer() {
        String config = fails(GDB_BOARD.replace("method: gdb", "method: openocd").replace("      elf: firmware.elf\n",
                "      config: [interface/stlink.cfg]\n"));
        assertTrue(config.contains(":10: field 'boards.nucleo-gdb.flash.config': belongs to the GDB server's own command line"),
                config);

        String reset = fails(GDB_BOARD.replace("method: gdb", "method: openocd") + "    reset: {method: flash-tool}\n");
        assertTrue(reset.contains("field 'boards.nucleo-gdb.reset.method': flash-tool reset runs openocd itself, not through its GDB server"),
                reset);
    }
}
