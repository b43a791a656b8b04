package io.hilharness.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Hands OkHttp sockets that report their local port as soon as it exists. OkHttp's connectFailed
 * event carries no socket, so this is the only way to know the port of an attempt that failed.
 */
final class RecordingSocketFactory extends SocketFactory {

    private final CallProbe probe;

    RecordingSocketFactory(CallProbe probe) {
        this.probe = probe;
    }

    @Override
    public Socket createSocket() {
        return new RecordingSocket(probe);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(SocketAddress endpoint) throws IOException {
        Socket socket = createSocket();
        socket.connect(endpoint);
        return socket;
    }

    /** A plain TCP socket that tells its recorder about bind, connect and close. */
    static final class RecordingSocket extends Socket {

        private final CallProbe probe;
        private ConnectionRecorder recorder;

        RecordingSocket(CallProbe probe) {
            this.probe = probe;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            recorder = probe.socketOpening(describe(endpoint));
            if (!isBound()) {
                // Binding first gives the source port before the SYN leaves, so even a refused or
                // timed-out connect has the port the board (or a capture) may have seen.
                bind(new InetSocketAddress(0));
            }
            probe.log().socketBound(recorder, getLocalPort());
            super.connect(endpoint, timeout);
            recorder.tcpConnected();
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                if (recorder != null) {
                    probe.log().socketClosed(recorder);
                }
            }
        }

        private static String describe(SocketAddress endpoint) {
            if (endpoint instanceof InetSocketAddress inet) {
                String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
                return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
            }
            return String.valueOf(endpoint);
        }
    }
}
