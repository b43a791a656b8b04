package io.hilharness.board.container;

import io.hilharness.console.ConsoleTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw TCP console the board dials into: the harness listens on loopback and the board's console
 * bridge connects to it, again after every power cycle (like a terminal server in "connect" mode).
 * Each accepted connection is one console session; bytes pass through untouched.
 */
public final class DialInConsole implements ConsoleTransport {
    /** How long one open() waits for the board to dial in; the console retries, so keep it short. */
    private static final int ACCEPT_WAIT_MS = 200;
    /** Short read timeout: the console's reader must notice close() quickly. */
    private static final int READ_TIMEOUT_MS = 100;

    private final ServerSocket listener;
    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;

    private DialInConsole(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static DialInConsole onLoopback() throws IOException {
        return new DialInConsole(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits briefly for the board to dial in; throws when it has not (yet), so the console tries again. */
    @Override
    public void open() throws IOException {
        close();
        listener.setSoTimeout(ACCEPT_WAIT_MS);
        Socket s;
        try {
            s = listener.accept();
        } catch (SocketTimeoutException e) {
            throw new IOException("board has not dialled in to " + describe() + " yet", e);
        }
        try {
            s.setSoTimeout(READ_TIMEOUT_MS);
            // Commands are small and the board waits for each one: do not let Nagle hold them back.
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
            return is.read(buf); // -1: the board hung up (powered off, or its bridge restarted)
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
        return "tcp dial-in 127.0.0.1:" + port();
    }

    /** Ends the current session only; the listener stays, so the board can dial in again. */
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

    /** Stops listening: the board can no longer reach the harness. */
    public void shutdown() throws IOException {
        close();
        listener.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
