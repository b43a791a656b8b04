package io.hilharness.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An RFC 2217 server on 127.0.0.1 whose every byte the test writes, for the cases a real ser2net cannot be
 * made to produce (an escaped 0xFF inside an answer, a refusal, a wrong answer). It decodes what the client
 * sends into events: {@code "WILL 44"}, {@code "SB 44 5 5"} (IAC IAC undoubled), {@code "DATA 255"} per data
 * byte, and keeps the client's raw bytes to check the escaping on the wire.
 */
final class ScriptedTelnetServer implements AutoCloseable {
    static final int IAC = 255;
    static final int SB = 250;
    static final int SE = 240;
    static final int WILL = 251;
    static final int WONT = 252;
    static final int DO = 253;
    static final int DONT = 254;

    private final ServerSocket server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private Socket client;

    ScriptedTelnetServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the client's (next) connection and starts decoding what it sends. */
    void accept() throws IOException {
        client = server.accept();
        InputStream in = client.getInputStream();
        Thread decoder = new Thread(() -> decode(in), "scripted-telnet-decoder");
        decoder.setDaemon(true);
        decoder.start();
    }

    void send(int... bytes) throws IOException {
        OutputStream out = client.getOutputStream();
        for (int b : bytes) {
            out.write(b);
        }
        out.flush();
    }

    /** Sends IAC SB 44 {@code body} IAC SE, doubling IAC in the body as a server must. */
    void sendComPort(int... body) throws IOException {
        ByteArrayOutputStream sb = new ByteArrayOutputStream();
        sb.write(IAC);
        sb.write(SB);
        sb.write(ComPortOption.OPTION);
        for (int b : body) {
            sb.write(b);
            if (b == IAC) {
                sb.write(IAC);
            }
        }
        sb.write(IAC);
        sb.write(SE);
        send(toInts(sb.toByteArray()));
    }

    /** Drops the client's session, as a restarted ser2net does. */
    void hangUp() throws IOException {
        client.close();
    }

    /** The next event the client caused, skipping others until one starts with {@code prefix}. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no '" + prefix + "' from the client within " + timeout);
            }
            if (e.startsWith(prefix)) {
                return e;
            }
        }
    }

    synchronized byte[] rawReceived() {
        return raw.toByteArray();
    }

    private synchronized void keep(int b) {
        raw.write(b);
    }

    private void decode(InputStream in) {
        try {
            for (int b; (b = in.read()) >= 0; ) {
                keep(b);
                if (b != IAC) {
                    events.add("DATA " + b);
                    continue;
                }
                int command = readKept(in);
                switch (command) {
                    case IAC -> events.add("DATA 255");
                    case WILL, WONT, DO, DONT -> events.add(name(command) + " " + readKept(in));
                    case SB -> events.add(subnegotiation(in));
                    default -> events.add("CMD " + command);
                }
            }
        } catch (IOException e) {
            // the client or the test closed the session
        }
    }

    private String subnegotiation(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder("SB");
        for (;;) {
            int b = readKept(in);
            if (b == IAC) {
                int next = readKept(in);
                if (next == SE) {
                    return sb.toString();
                }
                b = next; // IAC IAC: one 255
            }
            sb.append(' ').append(b);
        }
    }

    private int readKept(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("end of stream inside a Telnet command");
        }
        keep(b);
        return b;
    }

    private static String name(int command) {
        return switch (command) {
            case WILL -> "WILL";
            case WONT -> "WONT";
            case DO -> "DO";
            default -> "DONT";
        };
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xff;
        }
        return ints;
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        server.close();
    }
}
