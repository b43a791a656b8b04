package io.hilharness.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console behind a command (LAVA's connection command), with socat standing in for telnet to ser2net. */
class CommandConsoleTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ServerSocket server;
    private Console console;

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsAndWritesThroughTheCommandAndRunsItAgainWhenItEnds() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CommandConsoleTransport transport = CommandConsoleTransport.shell("socat - TCP:127.0.0.1:" + server.getLocalPort());
        assertEquals("command socat - TCP:127.0.0.1:" + server.getLocalPort(), transport.describe());
        assertFalse(transport.sendBreak(Duration.ofMillis(1)));
        console = Console.open(transport, dir.resolve("console.raw")).start();

        try (Socket board = server.accept()) {
            OutputStream out = board.getOutputStream();
            out.write("boot 1 via a command\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(console.awaitLine(Pattern.compile("boot 1 via a command"), 0, WAIT).isPresent());
            console.send("reboot");
            InputStream in = board.getInputStream();
            assertEquals("reboot\r\n", new String(in.readNBytes(8), StandardCharsets.US_ASCII));
        }
        // The bridge dropped the session: the command ended, and the console runs it again.
        assertTrue(console.awaitDisconnects(1, WAIT));
        try (Socket board = server.accept()) {
            board.getOutputStream().write("boot 2\n".getBytes(StandardCharsets.US_ASCII));
            board.getOutputStream().flush();
            assertEquals(2, console.awaitLine(Pattern.compile("boot 2"), 0, WAIT).orElseThrow().seq());
        }
        assertEquals("boot 1 via a command\r\nboot 2\n", Files.readString(dir.resolve("console.raw")));
    }

    @Test
    void aCommandThatEndsIsAConsoleGoneAndClosingStopsWhatItStarted() throws Exception {
        CommandConsoleTransport ending = new CommandConsoleTransport(List.of("printf", "only line\\n"));
        ending.open();
        byte[] buf = new byte[64];
        StringBuilder read = new StringBuilder();
        int n;
        while ((n = ending.read(buf)) >= 0) {
            read.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        assertEquals("only line\n", read.toString());
        assertEquals(-1, ending.read(buf), "gone stays gone until opened again");
        ending.close();

        Path started = dir.resolve("child.pid");
        CommandConsoleTransport lasting = CommandConsoleTransport.shell("sleep 600 & echo $! > " + started + "; wait");
        lasting.open();
        await().atMost(WAIT).until(() -> Files.exists(started) && !Files.readString(started).isBlank());
        long child = Long.parseLong(Files.readString(started).strip());
        lasting.close();
        await().atMost(WAIT).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThrows(IOException.class, () -> lasting.write(new byte[] {'x'}));
    }
}
