package io.hilharness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SimpleOptionHandler;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TelnetNotificationHandler;
import org.apache.commons.net.telnet.TelnetOption;

/**
 * A serial port shared over the network with RFC 2217 (Telnet COM Port Control), as ser2net's
 * {@code telnet(rfc2217)} accepter offers it: the console sets the baud rate, sends BREAK and drives
 * DTR/RTS like a local port. Commons Net's {@link TelnetClient} does the Telnet negotiation and IAC
 * escaping; {@link ComPortOption} is the serial control.
 *
 * <p>Both directions are Telnet BINARY, so the board's bytes arrive unchanged (no CR NUL or CR LF
 * rewriting) and a 0xFF, sent as IAC IAC, arrives as one 0xFF. When the server drops the session the read
 * returns "gone" and the console reconnects, as for a serial port that re-enumerates.
 */
public final class Rfc2217Transport implements ConsoleTransport {
    /** How long a control request waits for the server's answer; ser2net answers within milliseconds. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final int baud;
    private final Duration connectTimeout;

    private volatile Session session;

    /** One Telnet connection; a reconnect makes a new one (Commons Net's client is not reusable). */
    private record Session(TelnetClient telnet, ComPortOption comPort, InputStream in, OutputStream out) {
    }

    public Rfc2217Transport(String host, int port, int baud) {
        this(host, port, baud, TcpTransport.DEFAULT_CONNECT_TIMEOUT);
    }

    public Rfc2217Transport(String host, int port, int baud, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.baud = baud;
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
    }

    @Override
    public void open() throws IOException {
        close();
        TelnetClient telnet = new TelnetClient();
        ComPortOption comPort = new ComPortOption(baud, host + ":" + port);
        try {
            telnet.addOptionHandler(new SimpleOptionHandler(TelnetOption.BINARY, true, true, true, true));
            telnet.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
            telnet.addOptionHandler(comPort);
        } catch (InvalidTelnetOptionException e) {
            throw new IllegalStateException(e); // fixed, valid option codes
        }
        telnet.registerNotifHandler((type, option) -> {
            if (option == ComPortOption.OPTION && type == TelnetNotificationHandler.RECEIVED_DONT) {
                comPort.refused();
            }
        });
        telnet.setConnectTimeout((int) connectTimeout.toMillis());
        // The reader thread's socket timeout surfaces as an InterruptedIOException in read(): our "0 bytes".
        telnet.setDefaultTimeout(SocketConsoleTransport.READ_TIMEOUT_MS);
        try {
            telnet.connect(host, port);
            telnet.setTcpNoDelay(true); // commands are small and a board waits for each one
        } catch (IOException e) {
            telnet.disconnect();
            throw e;
        }
        session = new Session(telnet, comPort, telnet.getInputStream(), telnet.getOutputStream());
    }

    @Override
    public int read(byte[] buf) throws IOException {
        Session s = session;
        if (s == null) {
            return -1;
        }
        try {
            return s.in().read(buf); // -1 once the server closed the session; an IOException when it reset it
        } catch (InterruptedIOException e) {
            return 0; // the reader thread's socket timeout: nothing arrived
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        Session s = session;
        if (s == null) {
            throw new IOException("console " + describe() + " is not connected");
        }
        s.out().write(data);
        s.out().flush();
    }

    /** BREAK-ON, held for {@code duration}, BREAK-OFF; true when the server acknowledged the BREAK-ON. */
    @Override
    public boolean sendBreak(Duration duration) {
        Session s = session;
        if (s == null) {
            return false;
        }
        try {
            if (!s.comPort().setControl(s.telnet()::sendSubnegotiation, ComPortOption.BREAK_ON, false, ANSWER_TIMEOUT)) {
                return false;
            }
            try {
                // The break's length is the signal itself (not a wait for an event), so it is timed here.
                long end = System.nanoTime() + duration.toNanos();
                for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            } finally {
                s.comPort().setControl(s.telnet()::sendSubnegotiation, ComPortOption.BREAK_OFF, false, ANSWER_TIMEOUT);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the server answered with the new line state. */
    @Override
    public boolean setControlLine(ControlLine line, boolean asserted) {
        Session s = session;
        if (s == null) {
            return false;
        }
        int value = switch (line) {
            case DTR -> asserted ? ComPortOption.DTR_ON : ComPortOption.DTR_OFF;
            case RTS -> asserted ? ComPortOption.RTS_ON : ComPortOption.RTS_OFF;
        };
        try {
            return s.comPort().setControl(s.telnet()::sendSubnegotiation, value, true, ANSWER_TIMEOUT);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        Session s = session;
        Integer confirmed = s == null ? null : s.comPort().confirmedBaud();
        return "rfc2217 " + host + ":" + port + " @" + (confirmed != null ? confirmed : baud);
    }

    /** Ends the current session. */
    @Override
    public void close() throws IOException {
        Session s = session;
        session = null;
        if (s != null) {
            s.telnet().disconnect();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
