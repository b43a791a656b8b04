package io.hilharness.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/** A console reached over TCP in raw mode: ser2net "raw" ports, container consoles, emulators. */
public final class TcpTransport extends SocketConsoleTransport {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final Duration connectTimeout;

    public TcpTransport(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    public TcpTransport(String host, int port, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
    }

    @Override
    protected Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
