package io.hilharness.testing;

import static org.awaitility.Awaitility.await;

import io.hilharness.board.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real ser2net 4 (Debian {@code ser2net}, installed by ci/test) sharing a serial device on a loopback port,
 * with the RFC 2217 accepter or as plain telnet, as a lab's console server does. It can be killed hard and started again on
 * the same port, as when the console server's host reboots.
 */
public final class Ser2netServer implements AutoCloseable {
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private Ser2netServer(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** Serves {@code device} (a path ser2net opens anew for every session, so a re-made link is followed). */
    public static Ser2netServer rfc2217(Path device, Path dir) throws IOException {
        Ser2netServer server = configured(device, dir, "telnet(rfc2217)", "");
        server.start();
        return server;
    }

    /**
     * Serves {@code device} as plain telnet to several sessions at once (LAVA keeps its own open while a
     * test's runs); returns once ser2net listens.
     */
    public static Ser2netServer telnet(Path device, Path dir) throws IOException {
        Ser2netServer server = configured(device, dir, "telnet(rfc2217=false)", "  options:\n    max-connections: 4\n");
        server.start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
                return server.process.isAlive();
            }
        });
        return server;
    }

    private static Ser2netServer configured(Path device, Path dir, String accepter, String options) throws IOException {
        int port = LoopbackPorts.free();
        Path config = dir.resolve("ser2net.yaml");
        // 'local': a pty has no carrier line to wait for.
        Files.writeString(config, """
                connection: &board
                  accepter: %s,tcp,127.0.0.1,%d
                  connector: serialdev,%s,115200n81,local
                """.formatted(accepter, port, device) + options);
        return new Ser2netServer(config, dir.resolve("ser2net.log"), port);
    }

    public int port() {
        return port;
    }

    /**
     * Starts ser2net (again). No probe connection waits for it: ser2net would open the device for the probe
     * and the bytes it read then would be lost to the test; a console's reconnect loop waits instead.
     */
    public void start() throws IOException {
        process = new ProcessBuilder("ser2net", "-n", "-u", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** What ser2net said, for failure messages. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no goodbye to its clients, whatever it had read and not sent is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
