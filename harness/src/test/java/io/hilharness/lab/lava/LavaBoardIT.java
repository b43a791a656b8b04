package io.hilharness.lab.lava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.board.ResetKind;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import io.hilharness.lab.LavaDevice;
import io.hilharness.testing.ReferenceFirmware;
import io.hilharness.testing.Ser2netServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kind: lava} board built from the variables LAVA sets, without LAVA: the console is LAVA's usual
 * connection command, {@code telnet} to a real ser2net sharing the reference board's UART, and power and
 * hard reset are shell commands that reach the bench's network power switch. Everything the board
 * printed arrives, in order, through a power cycle and both resets, and lines typed reach the board.
 */
class LavaBoardIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theConnectionCommandIsTheConsoleAndThePowerCommandsCycleTheBoard() throws Exception {
        ProjectLayout layout = ReferenceFirmware.built();
        Path tee = dir.resolve("uart-sniffer.raw");
        try (PduProcess bench = PduProcess.serve(layout, dir.resolve("bench"), Optional.of(tee));
             Ser2netServer ser2net = Ser2netServer.telnet(bench.uart(), Files.createDirectories(dir.resolve("ser2net")))) {
            bench.flash(new ImageBuilder(layout).build("lab-ca"));
            Path labFile = dir.resolve("lab.yaml");
            Files.writeString(labFile, """
                    boards:
                      lava:
                        kind: lava
                        endpoint: 127.0.0.1:%d
                        flash: {method: command, command: [busybox, wget, -q, -O, /dev/null, "%s/flash?image={image}"]}
                    """.formatted(bench.boardPort(), bench.url()));
            LabBoard lab = LabConfig.read(labFile).select("lava").get(0);
            Map<String, String> env = Map.of(
                    LavaDevice.CONNECTION, "telnet 127.0.0.1 " + ser2net.port(),
                    LavaDevice.POWER_ON, bench.command("power/on"),
                    LavaDevice.POWER_OFF, bench.command("power/off"),
                    LavaDevice.HARD_RESET, bench.command("power/off") + " && " + bench.command("power/on"));
            Path raw = dir.resolve("console.raw");
            Path run = dir.resolve("run");
            try (Board board = LabBoards.open(lab, run, raw, env)) {
                Console console = board.console();
                board.power().orElseThrow().powerOn();
                long first = awaitReady(board, 0);
                board.resetter(ResetKind.HARD).reset();
                long second = awaitReady(board, first);
                // A soft reset is "reboot" typed on the console: the telnet session carries it to the board.
                board.resetter(ResetKind.SOFT).reset();
                long third = awaitReady(board, second);
                List<String> boots = console.lines(0).stream().map(ConsoleLine::text)
                        .filter(l -> l.contains("reset cause")).toList();
                assertEquals(3, boots.size(), boots.toString());
                assertTrue(boots.get(1).contains("reset cause: power-on"), boots.toString());
                assertTrue(boots.get(2).contains("reset cause: soft"), boots.toString());
                assertTrue(third > second);
                console.syncCapture();
            }
            assertTrue(Files.exists(run.resolve("tools/reset-lava-hard-reset-1.cmd")));
            assertTrue(Files.exists(run.resolve("tools/power-on-1.cmd")));
            // Every line the board sent (its UART, sniffed) is in the capture, in order; telnet adds its own few.
            List<String> sent = lines(Files.readAllBytes(tee));
            List<String> captured = lines(Files.readAllBytes(raw));
            int at = 0;
            for (String line : sent) {
                while (at < captured.size() && !captured.get(at).equals(line)) {
                    at++;
                }
                assertTrue(at < captured.size(), "the board's line '" + line + "' is missing or out of order in console.raw");
                at++;
            }
        }
    }

    private static long awaitReady(Board board, long after) {
        return board.console().awaitLine(board.readyPattern(), after, BOOT)
                .orElseThrow(() -> new AssertionError("no ready line after seq " + after + ": " + board.console().tail(5)))
                .seq();
    }

    private static List<String> lines(byte[] bytes) {
        return Arrays.stream(new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n"))
                .map(l -> l.replace("\r", "")).filter(l -> !l.isEmpty()).toList();
    }
}
