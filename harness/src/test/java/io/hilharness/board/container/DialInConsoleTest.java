package io.hilharness.board.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DialInConsoleTest {
    private DialInConsole console;

    @BeforeEach
    void listen() throws IOException {
        console = DialInConsole.onLoopback();
    }

    @AfterEach
    void shutdown() throws IOException {
        console.shutdown();
    }

    private Socket dial() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), console.port());
    }

    private String readSome() throws IOException {
        byte[] buf = new byte[64];
        for (int i = 0; i < 50; i++) {
            int n = console.read(buf);
            if (n > 0) {
                return new String(buf, 0, n, StandardCharsets.US_ASCII);
            }
            assertTrue(n == 0, "the board hung up unexpectedly");
        }
        throw new AssertionError("nothing arrived within 50 read timeouts");
    }

    @Test
    void openFailsUntilTheBoardDialsIn() {
        IOException e = assertThrows(IOException.class, console::open);
        assertTrue(e.getMessage().contains("has not dialled in"), e.getMessage());
    }

    @Test
    void bytesPassBothWaysUntouched() throws Exception {
        try (Socket board = dial()) {
            console.open();
            board.getOutputStream().write("0: main.c 169: boot 1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("0: main.c 169: boot 1\r\n", readSome());
            console.write("reboot\r".getBytes(StandardCharsets.US_ASCII));
            byte[] got = board.getInputStream().readNBytes(7);
            assertEquals("reboot\r", new String(got, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aHangUpReadsAsGoneAndTheNextDialInIsANewSession() throws Exception {
        Socket first = dial();
        console.open();
        first.close();
        byte[] buf = new byte[16];
        int n;
        do {
            n = console.read(buf);
        } while (n == 0);
        assertEquals(-1, n);
        try (Socket second = dial()) {
            console.open();
            second.getOutputStream().write("again\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("again\n", readSome());
        }
    }

    @Test
    void writingWithoutASessionSaysSo() {
        IOException e = assertThrows(IOException.class, () -> console.write(new byte[] {'x'}));
        assertTrue(e.getMessage().contains("not connected"), e.getMessage());
        assertTrue(console.describe().startsWith("tcp dial-in 127.0.0.1:"));
    }
}
