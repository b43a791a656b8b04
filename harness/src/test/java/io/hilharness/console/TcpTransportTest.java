package io.hilharness.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console against a local TCP server standing in for ser2net in raw mode. */
class TcpTransportTest {

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
    void readsLinesSendsCommandsAndReconnectsWhenTheBridgeDrops() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        List<ConsoleState> states = new CopyOnWriteArrayList<>();
        TcpTransport transport = new TcpTransport("127.0.0.1", server.getLocalPort());
        assertFalse(transport.sendBreak(Duration.ofMillis(1)));
        console = Console.open(transport, dir.resolve("console.raw"));
        console.addStateListener(states::add);
        console.start();

        try (Socket board = server.accept()) {
            OutputStream out = board.getOutputStream();
            out.write("hello over tcp\r\nsplit".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(console.awaitLine(Pattern.compile("hello over tcp"), 0, WAIT).isPresent());
            out.write(" line\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("split line", console.awaitLine(Pattern.compile("split"), 0, WAIT).orElseThrow().text());

            console.send("status");
            InputStream in = board.getInputStream();
            assertEquals("status\r\n", new String(in.readNBytes(8), StandardCharsets.US_ASCII));
        }
        assertTrue(console.awaitDisconnects(1, WAIT));

        try (Socket board = server.accept()) {
            assertTrue(console.awaitConnected(WAIT));
            board.getOutputStream().write("again\n".getBytes(StandardCharsets.US_ASCII));
            board.getOutputStream().flush();
            assertEquals(3, console.awaitLine(Pattern.compile("again"), 0, WAIT).orElseThrow().seq());
        }
        await().atMost(WAIT).until(() -> states.size() >= 3);
        assertEquals(List.of(ConsoleState.CONNECTED, ConsoleState.DISCONNECTED, ConsoleState.RECONNECTED),
                states.subList(0, 3));
        assertEquals("hello over tcp\r\nsplit line\r\nagain\n", Files.readString(dir.resolve("console.raw")));
    }
}
