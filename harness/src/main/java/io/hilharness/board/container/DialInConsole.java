package io.hilharness.board.container;

import io.hilharness.console.SocketConsoleTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A raw TCP console the board dials into: the harness listens on loopback and the board's console
 * bridge connects to it, again after every power cycle (like a terminal server in "connect" mode).
 * Each accepted connection is one console session; bytes pass through untouched.
 */
public final class DialInConsole extends SocketConsoleTransport {
    /** How long one open() waits for the board to dial in; the console retries, so keep it short. */
    private static final int ACCEPT_WAIT_MS = 200;

    private final ServerSocket listener;

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
    protected Socket connect() throws IOException {
        listener.setSoTimeout(ACCEPT_WAIT_MS);
        try {
            return listener.accept();
        } catch (SocketTimeoutException e) {
            throw new IOException("board has not dialled in to " + describe() + " yet", e);
        }
    }

    @Override
    public String describe() {
        return "tcp dial-in 127.0.0.1:" + port();
    }

    /** Stops listening: the board can no longer reach the harness. */
    public void shutdown() throws IOException {
        close();
        listener.close();
    }
}
