package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.board.ResetKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code kind: lava} board takes its console and power from the variables of LAVA's docker test action. */
class LavaBoardTest {
    @TempDir
    Path dir;

    private LabBoard board(String extra) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                boards:
                  dut:
                    kind: lava
                    endpoint: 127.0.0.1:8443
                    flash: {method: command, command: "true {image}"}
                """ + extra);
        return LabConfig.read(file).select("dut").get(0);
    }

    @Test
    void theLabFileNeedsNoConsoleOrPowerButStillAnEndpointAndAFlashMethod() throws Exception {
        LabBoard lava = board("");
        assertTrue(lava.isLava());
        assertEquals(null, lava.spec().console());

        Path file = dir.resolve("no-endpoint.yaml");
        Files.writeString(file, "boards:\n  dut:\n    kind: lava\n    flash: {method: pyocd, probe: '0240'}\n");
        LabConfigException e = assertThrows(LabConfigException.class, () -> LabConfig.read(file));
        assertTrue(e.getMessage().contains(":2: field 'boards.dut.endpoint': required"), e.getMessage());
    }

    @Test
    void theLabFileOfTheLavaExampleIsValid() throws Exception {
        LabConfig lab = LabConfig.read(io.hilharness.image.ProjectLayout.locate().root().resolve("ci/lava/examples/lab.yaml"));
        assertTrue(lab.select("lava").get(0).isLava());
        assertEquals("openocd", lab.select("lava").get(0).spec().flash().method());
    }

    @Test
    void withoutTheConnectionCommandTheBoardSaysWhereToRunIt() throws Exception {
        LabBoard lava = board("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabBoards.open(lava, dir.resolve("run"), dir.resolve("console.raw"), Map.of()));
        assertTrue(e.getMessage().contains("LAVA_CONNECTION_COMMAND is not set (run it in a LAVA docker test action"),
                e.getMessage());
    }

    @Test
    void powerAndHardResetRunTheDevicesShellCommands() throws Exception {
        Path log = dir.resolve("pdu.log");
        try (ServerSocket ser2net = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of(
                    LavaDevice.CONNECTION, "socat - TCP:127.0.0.1:" + ser2net.getLocalPort(),
                    LavaDevice.POWER_ON, "echo on >> " + log,
                    LavaDevice.POWER_OFF, "echo off >> " + log,
                    // LAVA joins a device's several hard reset commands with &&; braces pass untouched.
                    LavaDevice.HARD_RESET, "echo off >> " + log + " && echo '{reboot}' >> " + log);
            Path run = dir.resolve("run");
            try (Board board = LabBoards.open(board(""), run, dir.resolve("console.raw"), env)) {
                assertTrue(board.console().describe().startsWith("command socat - TCP:127.0.0.1:" + ser2net.getLocalPort()), board.console().describe());
                board.power().orElseThrow().powerOn();
                board.resetter(ResetKind.HARD).reset();
                board.power().orElseThrow().powerOff();
            }
            // Closing the board switches it off, as at the end of any campaign.
            assertEquals("on\noff\n{reboot}\noff\noff\n", Files.readString(log));
            assertEquals("sh\n-c\necho off >> " + log + " && echo '{reboot}' >> " + log + "\n",
                    Files.readString(run.resolve("tools/reset-lava-hard-reset-1.cmd")));
        }
    }

    @Test
    void theLabFilesPowerAndConsoleWinOverLavas() throws Exception {
        Path log = dir.resolve("own.log");
        try (ServerSocket ser2net = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LabBoard lava = board("""
                        console: {tcp: "tcp://127.0.0.1:%d"}
                        power: {on: [sh, -c, "echo own-on >> %s"], off: [sh, -c, "echo own-off >> %s"]}
                    """.formatted(ser2net.getLocalPort(), log, log));
            Map<String, String> env = Map.of(LavaDevice.CONNECTION, "false", LavaDevice.POWER_ON, "false",
                    LavaDevice.POWER_OFF, "false", LavaDevice.HARD_RESET, "false");
            try (Board board = LabBoards.open(lava, dir.resolve("run"), dir.resolve("console.raw"), env)) {
                assertTrue(board.console().describe().startsWith("tcp 127.0.0.1:" + ser2net.getLocalPort()), board.console().describe());
                board.resetter(ResetKind.HARD).reset();
            }
            assertEquals("own-off\nown-on\nown-off\n", Files.readString(log));
        }
    }
}
