package io.hilharness.board.serial;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.SerialTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against an independent receiver: Debian lrzsz's {@code rb} (YMODEM) and {@code rx}
 * (XMODEM) on the far end of a pty pair made by socat, as a bootloader would sit on the board's UART.
 */
class XmodemSenderTest {
    @TempDir
    Path dir;

    /** 3000 bytes: two 1K blocks and a short tail, in random bytes that include every control code. */
    private static byte[] image() {
        byte[] data = new byte[3000];
        new Random(42).nextBytes(data);
        data[5] = XmodemSender.EOT;
        data[6] = XmodemSender.CAN;
        data[7] = XmodemSender.CAN;
        return data;
    }

    /**
     * socat links the pty {@code host} to {@code receiver}, which runs in {@code into}; afterwards the line
     * stays up (as a board's UART does when its bootloader is done) and {@code into/exit-code} tells how it went.
     */
    private Process receiver(Path host, Path into, String receiver) throws IOException {
        Files.createDirectories(into);
        String script = receiver + "; echo $? > exit-code; cat > /dev/null";
        // A socketpair on lrzsz's side (SYSTEM): on a tty it flushes its output when it exits, dropping its last ACK.
        return SocatPty.start(host, into, script, dir.resolve("socat.log"));
    }

    @Test
    void ymodemDeliversNameAndExactBytesToLrzszRb() throws Exception {
        Path host = dir.resolve("uart");
        Path received = dir.resolve("rb");
        Process socat = receiver(host, received, "rb -b");
        SerialTransport port = SerialTransport.byPath(host);
        try {
            port.open();
            new XmodemSender(port, Duration.ofSeconds(30), Duration.ofSeconds(10)).sendYmodem("app.bin", image());
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(received.resolve("exit-code")));
            assertEquals("0", Files.readString(received.resolve("exit-code")).strip());
        } finally {
            port.close();
            SocatPty.stop(socat, host);
        }
        // YMODEM carries the size, so the receiver cuts the padding off.
        assertArrayEquals(image(), Files.readAllBytes(received.resolve("app.bin")));
    }

    @Test
    void xmodem1kDeliversTheBytesPaddedToABlock() throws Exception {
        Path host = dir.resolve("uart");
        Path received = dir.resolve("rx");
        Process socat = receiver(host, received, "rx -b -c app.bin");
        SerialTransport port = SerialTransport.byPath(host);
        try {
            port.open();
            new XmodemSender(port, Duration.ofSeconds(30), Duration.ofSeconds(10)).sendXmodem(image());
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(received.resolve("exit-code")));
            assertEquals("0", Files.readString(received.resolve("exit-code")).strip());
        } finally {
            port.close();
            SocatPty.stop(socat, host);
        }
        byte[] got = Files.readAllBytes(received.resolve("app.bin"));
        assertArrayEquals(image(), Arrays.copyOf(got, image().length));
        for (int i = image().length; i < got.length; i++) {
            assertEquals(XmodemSender.PAD, got[i], "padding at " + i);
        }
        assertEquals(0, got.length % 128);
    }

    @Test
    void aSilentReceiverIsATimeoutNotAHang() throws Exception {
        Path host = dir.resolve("uart");
        Process socat = receiver(host, dir.resolve("cat"), "cat");
        SerialTransport port = SerialTransport.byPath(host);
        try {
            port.open();
            IOException e = assertThrows(IOException.class,
                    () -> new XmodemSender(port, Duration.ofSeconds(1), Duration.ofSeconds(1)).sendYmodem("a", new byte[10]));
            assertEquals("the receiver did not start (no 'C' within 1 s)", e.getMessage());
        } finally {
            port.close();
            SocatPty.stop(socat, host);
        }
    }

    @Test
    void crcMatchesTheStandardCheckValue() {
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0x31C3, Crc16Xmodem.of(check, 0, check.length));
    }
}
