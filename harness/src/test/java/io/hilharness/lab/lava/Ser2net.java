package io.hilharness.lab.lava;

import static org.awaitility.Awaitility.await;

import io.hilharness.board.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real ser2net 4 (Debian {@code ser2net}) sharing one serial device on a loopback port in telnet mode, as a
 * lab's console server does. It allows several sessions: LAVA keeps its own open while the test's runs.
 */
final class Ser2net implements AutoCloseable {
    private final Process process;
    private final int port;

    private Ser2net(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Ser2net serve(Path device, Path dir) throws IOException {
        int port = LoopbackPorts.free();
        Path config = dir.resolve("ser2net.yaml");
        Files.writeString(config, """
                connection: &board
                  accepter: telnet(rfc2217=false),tcp,127.0.0.1,%d
                  connector: serialdev,%s,115200n81,local
                  options:
                    max-connections: 4
                """.formatted(port, device));
        Process process = new ProcessBuilder("ser2net", "-n", "-u", "-c", config.toString(), "-P", dir.resolve("ser2net.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ser2net.log").toFile()).start();
        Ser2net ser2net = new Ser2net(process, port);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return process.isAlive();
            }
        });
        return ser2net;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
