package io.hilharness.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 that plays a bad network or a broken server between a client and the
 * board: it passes bytes through, or injects one fault into each new connection. The fault is chosen
 * when the connection is accepted, so a test can change it between rounds.
 */
final class FaultyProxy implements AutoCloseable {
    enum Fault {
        NONE,
        /** Some bytes of the server's handshake, then a TCP reset (RST, not FIN). */
        RESET_MID_HANDSHAKE,
        /** The server's bytes up to {@link #CUT_AFTER_BYTES}, then a plain close: long bodies end early. */
        CLOSE_MID_BODY,
        /** The server's bytes one at a time with a pause between: a link that all but stalls. */
        SLOW_DRIP,
        /** Bytes that are not TLS at all instead of the ServerHello. */
        GARBAGE_INSTEAD_OF_SERVER_HELLO
    }

    /** Past the handshake and any 18 KB page, well inside a 117 KB stylesheet. */
    static final int CUT_AFTER_BYTES = 60_000;
    private static final int HANDSHAKE_BYTES_BEFORE_RESET = 100;
    private static final long DRIP_PAUSE_MS = 50;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Fault fault = Fault.NONE;

    FaultyProxy(InetSocketAddress upstream) throws IOException {
        if (!upstream.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + upstream);
        }
        this.upstream = upstream;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    void inject(Fault next) {
        fault = next;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Fault now = fault;
                threads.execute(() -> serve(client, now));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, Fault now) {
        try {
            if (now == Fault.GARBAGE_INSTEAD_OF_SERVER_HELLO) {
                client.getInputStream().read(new byte[4096]); // the ClientHello
                byte[] garbage = new byte[512];
                Arrays.fill(garbage, (byte) 0xA5);
                client.getOutputStream().write(garbage);
                client.getOutputStream().flush();
                drain(client.getInputStream()); // until the client gives up
                return;
            }
            Socket server = new Socket();
            sockets.add(server);
            server.connect(upstream, 5_000);
            threads.execute(() -> copy(client, server, Long.MAX_VALUE, false));
            switch (now) {
                case NONE -> copy(server, client, Long.MAX_VALUE, false);
                case RESET_MID_HANDSHAKE -> {
                    copy(server, client, HANDSHAKE_BYTES_BEFORE_RESET, false);
                    client.setSoLinger(true, 0); // close now sends RST
                }
                case CLOSE_MID_BODY -> copy(server, client, CUT_AFTER_BYTES, false);
                case SLOW_DRIP -> copy(server, client, Long.MAX_VALUE, true);
                default -> throw new IllegalStateException(now.toString());
            }
            client.close();
            server.close();
        } catch (IOException e) {
            // a side went away: that ends this connection, nothing else
        } finally {
            closeQuietly(client);
        }
    }

    /** Copies up to {@code limit} bytes from one socket to the other, or one byte per pause when dripping. */
    private static void copy(Socket from, Socket to, long limit, boolean drip) {
        byte[] buffer = new byte[drip ? 1 : 8192];
        long copied = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (copied < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
                copied += n;
                if (drip) {
                    TimeUnit.MILLISECONDS.sleep(DRIP_PAUSE_MS); // the injected fault: pacing, not waiting
                }
            }
            if (limit == Long.MAX_VALUE) {
                to.shutdownOutput();
            }
        } catch (IOException | InterruptedException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // discard
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(FaultyProxy::closeQuietly);
        threads.shutdownNow();
    }
}
