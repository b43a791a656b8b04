package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.PowerCycleReset;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.board.command.StubTool;
import io.hilharness.board.flash.TestImages;
import io.hilharness.board.reset.CommandPowerSwitch;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each flash method's exact command line from the lab file, run against a stub that records it. */
class LabToolCommandsTest {
    @TempDir
    Path dir;

    private FirmwareImage image;
    private String bin;
    private Path tools;

    @BeforeEach
    void image() throws Exception {
        image = TestImages.withFile(dir.resolve("image"), "app.bin", new byte[] {1, 2, 3});
        bin = image.dir().resolve("app.bin").toAbsolutePath().toString();
        tools = dir.resolve("run/tools");
    }

    private LabBoard board(String flash) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                boards:
                  b1:
                    kind: serial
                    console: {port: /dev/serial/by-id/usb-test-if00}
                    endpoint: 127.0.0.1:8443
                    flash: %s
                """.formatted(flash));
        return LabConfig.read(file).boards().get(0);
    }

    private List<String> flashWith(String method, String params) throws Exception {
        StubTool tool = StubTool.exiting(dir.resolve("bin"), method, 0);
        LabBoard board = board("{method: %s, tool: %s, file: app.bin, %s}".formatted(method, tool.path(), params));
        LabBoards.flasher(board.spec().flash(), LabBoards.values(board), tools,
                new io.hilharness.board.serial.SharedPort(io.hilharness.console.SerialTransport.byPath(dir.resolve("no-port")))).flash(image);
        assertEquals(1, tool.calls().size());
        return tool.calls().get(0);
    }

    @Test
    void openocdProgramsVerifiesAndResets() throws Exception {
        assertEquals(List.of("-f", "interface/stlink.cfg", "-f", "target/stm32f4x.cfg", "-c", "adapter serial 0670FF",
                        "-c", "program " + bin + " 0x08000000 verify reset exit"),
                flashWith("openocd", "config: [interface/stlink.cfg, target/stm32f4x.cfg], probe: 0670FF, address: \"0x08000000\""));
        assertTrue(Files.readString(tools.resolve("flash-openocd.sha256")).endsWith("  " + bin + "\n"));
    }

    @Test
    void pyocdEsptoolStFlash() throws Exception {
        assertEquals(List.of("flash", "-u", "0240000034544e45", "-t", "k64f", bin),
                flashWith("pyocd", "probe: \"0240000034544e45\", target: k64f"));
        assertEquals(List.of("--chip", "esp32", "--port", "/dev/serial/by-id/usb-test-if00", "--baud", "460800",
                "write_flash", "0x10000", bin), flashWith("esptool", "chip: esp32, address: \"0x10000\""));
        assertEquals(List.of("--serial", "066DFF", "--reset", "write", bin, "0x08000000"),
                flashWith("st-flash", "probe: 066DFF"));
    }

    @Test
    void jlinkGetsACommandFileThatProgramsAndVerifies() throws Exception {
        Path script = tools.resolve("flash-jlink.script");
        assertEquals(List.of("-device", "STM32F429ZI", "-if", "SWD", "-speed", "4000", "-autoconnect", "1",
                        "-ExitOnError", "1", "-USB", "000260112233", "-CommandFile", script.toString()),
                flashWith("jlink", "device: STM32F429ZI, probe: \"000260112233\""));
        assertEquals("r\nh\nloadfile " + bin + " 0x08000000\nverifybin " + bin + " 0x08000000\nr\ng\nexit\n",
                Files.readString(script));
    }

    @Test
    void aGenericTemplateFillsEveryPlaceholder() throws Exception {
        StubTool tool = StubTool.exiting(dir.resolve("bin"), "dfu", 0);
        LabBoard board = board("{method: command, file: app.bin, probe: P1, command: [%s, \"--image={image}\", \"{probe}\", \"{port}\", \"{board}\"]}"
                .formatted(tool.path()));
        LabBoards.flasher(board.spec().flash(), LabBoards.values(board), tools,
                new io.hilharness.board.serial.SharedPort(io.hilharness.console.SerialTransport.byPath(dir.resolve("no-port")))).flash(image);
        assertEquals(List.of(List.of("--image=" + bin, "P1", "/dev/serial/by-id/usb-test-if00", "b1")), tool.calls());
    }

    @Test
    void flashToolResetAndPowerCommandsRunAsConfigured() throws Exception {
        StubTool pyocd = StubTool.exiting(dir.resolve("bin"), "pyocd", 0);
        StubTool uhubctl = StubTool.exiting(dir.resolve("bin"), "uhubctl", 0);
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                boards:
                  k64f:
                    kind: serial
                    console: {usb_serial: "0240000034544e45"}
                    endpoint: 127.0.0.1:8443
                    flash: {method: pyocd, tool: %s, probe: "0240000034544e45"}
                    reset: {method: flash-tool}
                    power:
                      on: %s -l 1-1 -p 2 -a on
                      off: [%s, -l, 1-1, -p, "2", -a, "off"]
                """.formatted(pyocd.path(), uhubctl.path(), uhubctl.path()));
        LabBoard board = LabConfig.read(file).boards().get(0);
        Resetter soft = LabBoards.softReset(board.spec(), null, LabBoards.values(board), tools);
        assertEquals(ResetKind.SOFT, soft.kind());
        soft.reset();
        soft.reset();
        assertEquals(List.of(List.of("reset", "-u", "0240000034544e45"), List.of("reset", "-u", "0240000034544e45")), pyocd.calls());
        assertTrue(Files.exists(tools.resolve("reset-pyocd-2.stdout")));

        CommandPowerSwitch power = new CommandPowerSwitch(LabBoards.template(board.spec().power().on()),
                LabBoards.template(board.spec().power().off()), LabBoards.values(board),
                new io.hilharness.board.command.ToolRunner(tools, java.time.Duration.ofSeconds(10)));
        new PowerCycleReset(power).reset();
        assertTrue(power.isOn());
        power.close();
        assertFalse(power.isOn());
        assertEquals(List.of(List.of("-l", "1-1", "-p", "2", "-a", "off"), List.of("-l", "1-1", "-p", "2", "-a", "on"),
                List.of("-l", "1-1", "-p", "2", "-a", "off")), uhubctl.calls());
    }
}
