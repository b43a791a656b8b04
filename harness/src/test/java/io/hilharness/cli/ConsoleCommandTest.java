package io.hilharness.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil console} and board power, without firmware: a reference board with nothing to boot ends
 * with one line saying how to flash it; a serial board's console opens with no power action.
 */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private Path lab(String boards) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "lock_dir: " + dir.resolve("locks") + "\nboards:\n" + boards);
        return file;
    }

    @Test
    void aReferenceBoardWithNothingFlashedEndsWithOneLineNamingFlash() throws Exception {
        Path lab = lab("""
                  ref-1: {kind: reference}
                  ref-2: {kind: reference, dir: boards/ref-2}
                """);
        for (String board : List.of("ref-1", "ref-2")) {
            int exit;
            String err;
            try (PipedConsole console = new PipedConsole("console", board, "--lab", lab.toString(),
                    "--runs-dir", dir.resolve("runs").toString())) {
                console.type("help");
                console.type("~.");
                exit = console.exitCode();
                err = console.err();
            }
            assertEquals(2, exit, err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("hil: board " + board + " is off and has nothing flashed"), err);
            assertTrue(err.strip().endsWith("use hil console " + board + " --flash IMAGE"), err);
            assertFalse(err.contains("is not open"), err);
        }
        assertTrue(Files.isDirectory(dir.resolve("boards/ref-2")), "the board folder is the lab file's dir:");
    }

    /** A real board is on when plugged in: its console is read at once, and its power is left alone, also at the end. */
    @Test
    void aSerialBoardsConsoleOpensWithNoPowerAction() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ServerSocket ser2net = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = ser2net.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        received.add(line);
                        s.getOutputStream().write(("bench-1: unknown command: " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (java.io.IOException closed) {
                    // the console went away
                }
            }, "ser2net");
            server.setDaemon(true);
            server.start();
            Path on = dir.resolve("powered-on");
            Path off = dir.resolve("powered-off");
            Path lab = lab("""
                      bench-1:
                        kind: serial
                        console: {tcp: "tcp://127.0.0.1:%d"}
                        endpoint: 127.0.0.1:1
                        flash: {method: command, command: [touch, %s]}
                        power: {on: [touch, %s], off: [touch, %s]}
                    """.formatted(ser2net.getLocalPort(), dir.resolve("flashed"), on, off));
            int exit;
            String shown;
            try (PipedConsole console = new PipedConsole("console", "bench-1", "--lab", lab.toString(),
                    "--runs-dir", dir.resolve("runs").toString())) {
                console.type("hello board");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> console.shown().contains("bench-1: unknown command: hello board") || console.ended());
                console.type("~.");
                exit = console.exitCode();
                shown = console.shown() + console.err();
            }
            assertEquals(0, exit, shown);
            assertTrue(received.contains("hello board"), received + "\n" + shown);
            assertTrue(shown.contains("bench-1: unknown command: hello board"), shown);
            assertFalse(Files.exists(on), "no power-on for a board that is plugged in");
            assertFalse(Files.exists(off), "and no power-off when its console closes");
            assertFalse(Files.exists(dir.resolve("flashed")), "nor a flash");
            assertFalse(shown.contains("was off"), shown);
        }
    }
}
