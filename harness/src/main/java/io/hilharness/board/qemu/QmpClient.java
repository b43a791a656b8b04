package io.hilharness.board.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * QEMU's machine protocol (QMP) over its Unix socket: one JSON object per line each way. Commands are
 * answered in order; events (RESET, STOP...) arrive in between and are skipped, nothing here needs them.
 */
final class QmpClient implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /**
     * Listens where QEMU connects at its start ({@code -qmp unix:SOCKET}, QEMU the client): listening before
     * QEMU starts leaves no moment in which the socket exists but nobody accepts, as QEMU's own server has.
     */
    static Listener listen(Path socket) throws IOException {
        return new Listener(socket);
    }

    /** A QMP socket QEMU is about to connect to; gone once closed. */
    static final class Listener implements Closeable {
        private final Path socket;
        private final ServerSocketChannel server;
        private final Selector selector;

        private Listener(Path socket) throws IOException {
            this.socket = socket;
            Files.deleteIfExists(socket);
            this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            this.selector = Selector.open();
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        Path socket() {
            return socket;
        }

        /**
         * QEMU's connection, greeted and past capabilities negotiation; empty when it has not come within
         * {@code timeout} or when {@code worthWaiting} turns false (QEMU has exited).
         */
        Optional<QmpClient> accept(Duration timeout, BooleanSupplier worthWaiting) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (worthWaiting.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                // The cap re-checks that QEMU still lives; its connection normally wakes this first.
                selector.select(Math.min(left, 200));
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    return Optional.of(negotiated(channel));
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() throws IOException {
            try {
                selector.close();
                server.close();
            } finally {
                Files.deleteIfExists(socket);
            }
        }
    }

    /** Reads QEMU's greeting and leaves capabilities negotiation, as every QMP client must. */
    private static QmpClient negotiated(SocketChannel channel) throws IOException {
        QmpClient client = new QmpClient(channel);
        try {
            client.next();
            client.execute("qmp_capabilities");
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The command's {@code return} value; its {@code error} as an IOException naming the command. */
    synchronized JsonNode execute(String command) throws IOException {
        out.write(JSON.writeValueAsBytes(Map.of("execute", command)));
        out.write('\n');
        out.flush();
        while (true) {
            JsonNode reply = next();
            if (reply.has("return")) {
                return reply.get("return");
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + " failed: " + reply.get("error").path("desc").asText());
            }
        }
    }

    /** The pty a chardev of QEMU's writes to, from query-chardev ({@code "filename": "pty:/dev/pts/N"}). */
    Path ptyOf(String chardev) throws IOException {
        for (JsonNode device : execute("query-chardev")) {
            String file = device.path("filename").asText();
            if (device.path("label").asText().equals(chardev) && file.startsWith("pty:")) {
                return Path.of(file.substring("pty:".length()));
            }
        }
        throw new IOException("QEMU has no pty chardev '" + chardev + "'");
    }

    private JsonNode next() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("QEMU closed its QMP socket");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
