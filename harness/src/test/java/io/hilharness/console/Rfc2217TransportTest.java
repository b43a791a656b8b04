package io.hilharness.console;

import static io.hilharness.console.ScriptedTelnetServer.DO;
import static io.hilharness.console.ScriptedTelnetServer.DONT;
import static io.hilharness.console.ScriptedTelnetServer.IAC;
import static io.hilharness.console.ScriptedTelnetServer.WILL;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.ConsoleTransport.ControlLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC 2217 client against a scripted Telnet server: negotiation, escaping, answers, refusal, reconnect. */
class Rfc2217TransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int COM_PORT = ComPortOption.OPTION;

    @TempDir
    Path dir;

    private ScriptedTelnetServer server;
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

    /** Starts a console on the server and plays ser2net's greeting: DO COM-PORT, binary both ways. */
    private void connect(int baud) throws Exception {
        server = new ScriptedTelnetServer();
        console = Console.open(new Rfc2217Transport("127.0.0.1", server.port(), baud), dir.resolve("console.raw")).start();
        server.accept();
        greet();
    }

    private void greet() throws Exception {
        server.send(IAC, DO, COM_PORT, IAC, WILL, 0, IAC, DO, 0);
        assertEquals("WILL 44", server.await("WILL 44", WAIT));
    }

    @Test
    void asksForTheBaudRateOnceTheServerAgreesWithIacDoubledOnTheWire() throws Exception {
        connect(65535); // 00 00 FF FF: both FF bytes must be doubled inside the subnegotiation
        assertEquals("SB 44 1 0 0 255 255", server.await("SB 44 1", WAIT));
        String wire = HexFormat.of().formatHex(server.rawReceived());
        assertTrue(wire.contains("fffa2c010000ffffffffff" + "f0"), wire);
        assertTrue(wire.contains("fffd00") && wire.contains("fffb00"), "binary both ways asked for: " + wire);

        server.sendComPort(101, 0, 0, 255, 255); // the server's answer, with its own doubled IAC
        await().atMost(WAIT).until(() -> console.describe().contains("@65535 "));
    }

    @Test
    void boardBytesAndHostBytesPassUnchangedIncludingIacAndCr() throws Exception {
        connect(115200);
        server.send('a', IAC, IAC, 'b', '\r', 0, 'c', '\n');
        assertTrue(console.awaitLine(Pattern.compile("c"), 0, WAIT).isPresent(), () -> "" + console.tail(3));
        assertArrayEquals(new byte[] {'a', (byte) 0xff, 'b', '\r', 0, 'c', '\n'}, Files.readAllBytes(dir.resolve("console.raw")));

        console.sendBytes(new byte[] {(byte) 0xff, '\r', 'x'});
        assertEquals("DATA 255", server.await("DATA", WAIT));
        assertEquals("DATA 13", server.await("DATA", WAIT), "a CR is not turned into CR LF or CR NUL");
        assertEquals("DATA 120", server.await("DATA", WAIT));
        String wire = HexFormat.of().formatHex(server.rawReceived());
        assertTrue(wire.endsWith("ffff0d78"), wire);
    }

    @Test
    void breakWaitsForTheServersAnswersToOnAndOff() throws Exception {
        connect(115200);
        CompletableFuture<Boolean> sent = CompletableFuture.supplyAsync(() -> console.sendBreak(Duration.ofMillis(20)));
        assertEquals("SB 44 5 5", server.await("SB 44 5", WAIT));
        assertFalse(sent.isDone(), "returned before the server answered");
        server.sendComPort(105, 5);
        assertEquals("SB 44 5 6", server.await("SB 44 5", WAIT));
        server.sendComPort(105, 5); // ser2net 4.3 answers BREAK-OFF with state 5 too
        assertTrue(sent.get());
    }

    @Test
    void aControlLineIsSetOnlyWhenTheServerAnswersWithTheNewState() throws Exception {
        connect(115200);
        CompletableFuture<Boolean> dtrOn = CompletableFuture.supplyAsync(() -> console.setControlLine(ControlLine.DTR, true));
        assertEquals("SB 44 5 8", server.await("SB 44 5", WAIT));
        server.sendComPort(105, 8);
        assertTrue(dtrOn.get());

        CompletableFuture<Boolean> rtsOff = CompletableFuture.supplyAsync(() -> console.setControlLine(ControlLine.RTS, false));
        assertEquals("SB 44 5 12", server.await("SB 44 5", WAIT));
        server.sendComPort(105, 11); // still asserted: the server could not change it
        assertFalse(rtsOff.get());

        // No answer at all, as ser2net on a device without modem lines: false once the answer is overdue.
        assertFalse(console.setControlLine(ControlLine.DTR, false));
        assertEquals("SB 44 5 9", server.await("SB 44 5", WAIT));
    }

    @Test
    void aPlainTelnetServerRefusingComPortGetsNoSerialRequests() throws Exception {
        server = new ScriptedTelnetServer();
        console = Console.open(new Rfc2217Transport("127.0.0.1", server.port(), 115200), dir.resolve("console.raw")).start();
        server.accept();
        server.send(IAC, DONT, COM_PORT, 'o', 'k', '\n');
        assertTrue(console.awaitLine(Pattern.compile("ok"), 0, WAIT).isPresent());

        assertFalse(console.sendBreak(Duration.ofMillis(1)));
        assertFalse(console.setControlLine(ControlLine.RTS, true));
        console.send("after");
        server.await("DATA 97", WAIT); // 'a': the line went out, and no subnegotiation before it
        assertFalse(HexFormat.of().formatHex(server.rawReceived()).contains("fffa2c"));
    }

    @Test
    void reconnectsAndNegotiatesAgainWhenTheServerDropsTheSession() throws Exception {
        connect(115200);
        assertEquals("SB 44 1 0 1 194 0", server.await("SB 44 1", WAIT));
        server.send('o', 'n', 'e', '\n');
        assertTrue(console.awaitLine(Pattern.compile("one"), 0, WAIT).isPresent());

        server.hangUp();
        assertTrue(console.awaitDisconnects(1, WAIT));
        server.accept();
        greet();
        assertEquals("SB 44 1 0 1 194 0", server.await("SB 44 1", WAIT), "the new session sets the baud rate again");
        server.send('t', 'w', 'o', '\n');
        assertTrue(console.awaitLine(Pattern.compile("two"), 0, WAIT).isPresent());
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("console.raw")));
    }
}
