package io.hilharness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A console reached over TCP in raw mode: ser2net "raw" ports, container consoles, emulators. Bytes pass
 * through untouched (no telnet negotiation), so there is no BREAK.
 */
public final class TcpTransport implements ConsoleTransport {

    static final int READ_TIMEOUT_MS = 100;
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final Duration connectTimeout;

    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;

    public TcpTransport(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    public TcpTransport(String host, int port, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
    }

    @Override
    public void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            // Short read timeout: the reader thread must notice close() quickly.
            s.setSoTimeout(READ_TIMEOUT_MS);
            // Commands are small and a board waits for each one: do not let Nagle hold them back.
            s.setTcpNoDelay(true);
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        InputStream is = in;
        if (is == null) {
            return -1;
        }
        try {
            return is.read(buf); // -1 when the peer closed: the bridge or the board is gone
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        OutputStream os = out;
        if (os == null) {
            throw new IOException("console " + describe() + " is not connected");
        }
        os.write(data);
        os.flush();
    }

    @Override
    public boolean sendBreak(Duration duration) {
        return false;
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
