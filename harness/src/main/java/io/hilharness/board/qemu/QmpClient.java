package io.hilharness.board.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

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

    /** Connects, reads QEMU's greeting and leaves capabilities negotiation, as every QMP client must. */
    static QmpClient connect(Path socket) throws IOException {
        QmpClient client = new QmpClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
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
