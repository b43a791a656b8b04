package io.hilharness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A raw TCP console session, whoever opened the connection (the harness dialling a ser2net port, or a
 * board dialling the harness). Bytes pass through untouched (no telnet negotiation), so there is no BREAK.
 * Subclasses only say how a connected socket is obtained.
 */
public abstract class SocketConsoleTransport implements ConsoleTransport {
    /** Short read timeout: the console's reader thread must notice close() quickly. */
    static final int READ_TIMEOUT_MS = 100;

    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;

    /** A connected socket for a new session; throws when none can be had yet (the console retries). */
    protected abstract Socket connect() throws IOException;

    @Override
    public final void open() throws IOException {
        close();
        Socket s = connect();
        try {
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
    public final int read(byte[] buf) throws IOException {
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
    public final void write(byte[] data) throws IOException {
        OutputStream os = out;
        if (os == null) {
            throw new IOException("console " + describe() + " is not connected");
        }
        os.write(data);
        os.flush();
    }

    @Override
    public final boolean sendBreak(Duration duration) {
        return false;
    }

    /** Ends the current session. */
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
