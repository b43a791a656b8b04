package io.hilharness.client;

import io.hilharness.certs.KeyStores;
import io.hilharness.certs.ServerCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A tiny HTTPS/1.1 server on 127.0.0.1 that plays a bench board, including its failure modes. It speaks
 * TLS 1.2 only, like mbedTLS 2.28, and records the client's source port of every TCP connection at
 * accept time, before the handshake, so failed handshakes are on the list too.
 */
final class LoopbackHttpsServer implements AutoCloseable {

    enum Behavior {
        SERVE,
        /** Like a board without keep-alive: answers one request per connection, then closes. */
        ONE_REQUEST_PER_CONNECTION,
        TRUNCATE_BODY,
        NOT_FOUND,
        CLOSE_WITHOUT_RESPONSE,
        RESET_AFTER_REQUEST,
        STALL,
        /** Offers only a suite OkHttp does not: the handshake ends with the server's handshake_failure alert. */
        NO_SHARED_CIPHER
    }

    /** One TCP connection as the server saw it. */
    static final class SeenConnection {
        final int clientPort;
        final List<String> paths = new CopyOnWriteArrayList<>();
        volatile String handshakeFailure;

        SeenConnection(int clientPort) {
            this.clientPort = clientPort;
        }
    }

    private final ServerSocket listener;
    private final SSLSocketFactory tls;
    private final Behavior behavior;
    private final byte[] body;
    private final List<SeenConnection> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-https");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CountDownLatch holdResponses = new CountDownLatch(0);

    private LoopbackHttpsServer(ServerCredential credential, Behavior behavior, byte[] body)
            throws IOException, GeneralSecurityException {
        char[] password = "test".toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStores.serverKeyStore(credential, password), password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        this.tls = context.getSocketFactory();
        this.behavior = behavior;
        this.body = body.clone();
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        threads.execute(this::acceptLoop);
    }

    static LoopbackHttpsServer start(ServerCredential credential, Behavior behavior, byte[] body)
            throws IOException, GeneralSecurityException {
        return new LoopbackHttpsServer(credential, behavior, body);
    }

    /**
     * Answers no request until this many have arrived (at most 10 s): a round whose connections are
     * not really open at the same time then stalls instead of passing by luck.
     */
    LoopbackHttpsServer holdResponsesUntil(int requests) {
        holdResponses = new CountDownLatch(requests);
        return this;
    }

    int port() {
        return listener.getLocalPort();
    }

    List<SeenConnection> connections() {
        return new ArrayList<>(seen);
    }

    List<Integer> clientPorts() {
        return seen.stream().map(c -> c.clientPort).toList();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket raw = listener.accept();
                SeenConnection connection = new SeenConnection(raw.getPort());
                seen.add(connection);
                threads.execute(() -> handle(raw, connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket raw, SeenConnection connection) {
        try (raw) {
            // Layered over a socket we keep, so a test can reset the TCP connection without TLS noticing.
            // autoClose: closing TLS closes TCP without waiting for the client's close_notify.
            SSLSocket socket = (SSLSocket) tls.createSocket(raw, null, true);
            socket.setUseClientMode(false);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            if (behavior == Behavior.NO_SHARED_CIPHER) {
                socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
            }
            try {
                socket.startHandshake();
            } catch (IOException e) {
                connection.handshakeFailure = e.toString();
                return;
            }
            serve(raw, socket, connection);
        } catch (IOException | InterruptedException e) {
            // The client went away; nothing to serve.
        }
    }

    private void serve(Socket raw, SSLSocket socket, SeenConnection connection) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String path = head.split(" ", 3)[1];
            connection.paths.add(path);
            boolean close = behavior == Behavior.ONE_REQUEST_PER_CONNECTION
                    || head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
            holdResponses.countDown();
            holdResponses.await(10, TimeUnit.SECONDS);
            switch (behavior) {
                case SERVE, ONE_REQUEST_PER_CONNECTION, NO_SHARED_CIPHER -> respond(out, "200 OK", body, body.length, close);
                case NOT_FOUND -> respond(out, "404 Not Found", "no such page\n".getBytes(StandardCharsets.US_ASCII),
                        -1, close);
                case TRUNCATE_BODY -> {
                    respond(out, "200 OK", Arrays.copyOf(body, body.length / 2), body.length, true);
                    socket.close();
                    return;
                }
                case CLOSE_WITHOUT_RESPONSE -> {
                    socket.close();
                    return;
                }
                case RESET_AFTER_REQUEST -> {
                    raw.setSoLinger(true, 0);
                    raw.close();
                    return;
                }
                case STALL -> {
                    closing.await(30, TimeUnit.SECONDS);
                    return;
                }
            }
            if (close) {
                socket.close();
                return;
            }
        }
    }

    private static void respond(OutputStream out, String status, byte[] content, int announcedLength, boolean close)
            throws IOException {
        int length = announcedLength >= 0 ? announcedLength : content.length;
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
    }

    /** The request line and headers, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        listener.close();
        threads.shutdownNow();
    }
}
