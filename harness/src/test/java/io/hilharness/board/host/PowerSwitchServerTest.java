package io.hilharness.board.host;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.LoopbackPorts;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network power switch against a real reference board: flash, power on and off over HTTP, and the
 * UART, read the whole time from one open file, shows every boot: it survives the power cycle.
 */
class PowerSwitchServerTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void flashPowerOnOffAndOnAgainOverHttpWithOneUartThroughout() throws Exception {
        FirmwareImage image = new ImageBuilder(ReferenceFirmware.built()).build("lab-ca");
        Path benchDir = dir.resolve("bench");
        ReferenceBench bench = ReferenceBench.open(benchDir, LoopbackPorts.free(), Optional.empty());
        try (bench; PowerSwitchServer server = PowerSwitchServer.serve(bench,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            ByteArrayOutputStream uart = new ByteArrayOutputStream();
            Thread reader = reading(bench.uart(), uart);

            String empty = status(server, "/power/on");
            assertTrue(empty.startsWith("500 nothing flashed on board "), "an empty flash cannot be powered: " + empty);
            assertEquals("200 ok", status(server, "/flash?image="
                    + URLEncoder.encode(image.dir().resolve(FirmwareImage.BINARY_NAME).toString(), StandardCharsets.UTF_8)));
            assertEquals("200 ok", status(server, "/power/on"));
            await().atMost(BOOT).until(() -> boots(uart) == 1);
            assertEquals("200 ok", status(server, "/power/off"));
            assertFalse(Files.exists(benchDir.resolve("board/console"), LinkOption.NOFOLLOW_LINKS), "the board's own console is gone");
            assertTrue(Files.exists(bench.uart()), "the bench's UART stays");
            assertEquals("200 ok", status(server, "/power/on"));
            await().atMost(BOOT).until(() -> boots(uart) == 2);
            assertTrue(reader.isAlive(), "the UART was never closed under its reader");
        }
        assertFalse(Files.exists(bench.uart(), LinkOption.NOFOLLOW_LINKS), "the UART goes with the bench");
        assertFalse(Files.exists(benchDir.resolve("board/console"), LinkOption.NOFOLLOW_LINKS), "the board is off");
    }

    @Test
    void unknownPathsAndBadFlashRequestsAreRefusedWithOneLine() throws Exception {
        try (ReferenceBench bench = ReferenceBench.open(dir, LoopbackPorts.free(), Optional.empty());
             PowerSwitchServer server = PowerSwitchServer.serve(bench, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertEquals("404 unknown path /power/onward (use /power/on, /power/off, /flash?image=PATH)",
                    status(server, "/power/onward"));
            assertEquals("404 unknown path / (use /power/on, /power/off, /flash?image=PATH)", status(server, "/"));
            assertEquals("500 usage: /flash?image=PATH (an image folder, or a file in one)", status(server, "/flash"));
            assertEquals("500 no image at /nowhere", status(server, "/flash?image=/nowhere"));
            assertEquals("200 ok", status(server, "/power/off"), "switching off a board that is off is no error");
        }
    }

    @Test
    void aNonLoopbackListenAddressIsRefused() throws Exception {
        try (ReferenceBench bench = ReferenceBench.open(dir, LoopbackPorts.free(), Optional.empty())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PowerSwitchServer.serve(bench, new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0)));
            assertEquals("the power switch listens on loopback only (127.0.0.0/8, ::1), not on 0.0.0.0", e.getMessage());
        }
    }

    /** "STATUS first-line-of-body". */
    private String status(PowerSwitchServer server, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().lines().findFirst().orElse("");
    }

    private static Thread reading(Path uart, ByteArrayOutputStream into) {
        Thread thread = new Thread(() -> {
            try (InputStream in = Files.newInputStream(uart)) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // the pty went away with the bench
            }
        }, "uart-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long boots(ByteArrayOutputStream uart) {
        synchronized (uart) {
            return uart.toString(StandardCharsets.ISO_8859_1).lines().filter(l -> l.contains("reset cause")).count();
        }
    }
}
