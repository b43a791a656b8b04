package io.hilharness.lab.lava;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hilharness.board.BoardException;
import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.host.FolderFlasher;
import io.hilharness.board.host.HostBoardFolder;
import io.hilharness.board.host.HostProcessPower;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference board on a lab bench as LAVA sees one: its UART on a console server (ser2net, telnet), its
 * supply on a network power switch, its probe on the network too. LAVA runs the power commands inside its
 * test container, where a host process cannot be killed, so power goes over loopback HTTP as to a PDU:
 * {@code /power/on}, {@code /power/off}, and {@code /flash?image=DIR} (the image folder, a path both sides
 * see). The UART stays when the board's power goes, as a USB-serial adapter powered by the host does: a
 * pty pair ser2net holds open, bridged to the board's own console while the board is on, so a power cycle
 * does not end anyone's console session.
 */
final class ReferenceBench implements AutoCloseable {
    private final HostBoardFolder folder;
    private final HostProcessPower power;
    private final FolderFlasher flasher;
    private final Path uart;
    private final Process uartPair;
    private final HttpServer control;
    private final int boardPort;
    private Process bridge;

    private ReferenceBench(Path dir, Optional<Path> consoleTee) throws IOException {
        folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")));
        boardPort = LoopbackPorts.free();
        power = new HostProcessPower(folder, boardPort, consoleTee);
        flasher = new FolderFlasher(folder);
        uart = dir.resolve("uart-lab");
        Path target = dir.resolve("uart-target");
        uartPair = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + uart, "pty,raw,echo=0,link=" + target)
                .redirectErrorStream(true).redirectOutput(dir.resolve("uart.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(uart) && Files.exists(target));
        control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        control.createContext("/power/on", exchange -> answer(exchange, this::powerOn));
        control.createContext("/power/off", exchange -> answer(exchange, this::powerOff));
        control.createContext("/flash", exchange -> answer(exchange, () -> flash(exchange)));
        control.start();
    }

    /** A bench in {@code dir}: nothing flashed, powered off, its controller listening. */
    static ReferenceBench start(Path dir, Optional<Path> consoleTee) throws IOException {
        return new ReferenceBench(dir, consoleTee);
    }

    /** The UART device a console server shares. */
    Path uart() {
        return uart;
    }

    /** Where the firmware serves HTTPS when on. */
    int boardPort() {
        return boardPort;
    }

    /** Where the power and flash controller listens on loopback. */
    int controlPort() {
        return control.getAddress().getPort();
    }

    /** The shell command that does {@code action} (power/on, power/off, flash?image=...) from anywhere on this host. */
    String command(String action) {
        return "busybox wget -q -O /dev/null http://127.0.0.1:" + control.getAddress().getPort() + "/" + action;
    }

    void flash(FirmwareImage image) throws BoardException {
        flasher.flash(image);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void answer(HttpExchange exchange, Action action) throws IOException {
        int status = 200;
        String body = "ok\n";
        try {
            action.run();
        } catch (Exception e) {
            status = 500;
            body = e + "\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized void powerOn() throws BoardException, IOException {
        if (power.isOn()) {
            return;
        }
        power.powerOn();
        // Started once the board's console exists; what the board printed meanwhile waits in its pty.
        bridge = new ProcessBuilder("socat", "FILE:" + uart.resolveSibling("uart-target") + ",raw,echo=0",
                "FILE:" + folder.consoleLink() + ",raw,echo=0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private synchronized void powerOff() throws BoardException, InterruptedException {
        power.powerOff();
        if (bridge != null) {
            bridge.destroy();
            bridge.waitFor();
            bridge = null;
        }
    }

    private void flash(HttpExchange exchange) throws Exception {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || !query.startsWith("image=")) {
            throw new IllegalArgumentException("usage: /flash?image=PATH (a file of the image folder)");
        }
        Path file = Path.of(URLDecoder.decode(query.substring("image=".length()), StandardCharsets.UTF_8));
        flasher.flash(FirmwareImage.load(Files.isDirectory(file) ? file : file.getParent()));
    }

    @Override
    public void close() throws Exception {
        control.stop(0);
        powerOff();
        uartPair.destroy();
        uartPair.waitFor();
    }
}
