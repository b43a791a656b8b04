package io.hilharness.console;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.net.telnet.TelnetOptionHandler;

/**
 * The client side of RFC 2217's COM-PORT-OPTION (Telnet option 44), which Commons Net does not provide:
 * builds the SET-BAUDRATE and SET-CONTROL requests and keeps the server's answers, so a caller can wait
 * for the acknowledgement of what it asked. Commons Net does the Telnet framing: it hands answers over
 * without IAC SB / IAC SE and with IAC IAC already undoubled, and doubles IAC in what is sent.
 *
 * <p>Only one session: a reconnect makes a new instance.
 */
final class ComPortOption extends TelnetOptionHandler {
    static final int OPTION = 44;
    static final int SET_BAUDRATE = 1;
    static final int SET_CONTROL = 5;
    /** A server's answer to request code C carries code C + 100. */
    static final int SERVER_OFFSET = 100;

    /** SET-CONTROL values (RFC 2217 section 3). */
    static final int BREAK_ON = 5;
    static final int BREAK_OFF = 6;
    static final int DTR_ON = 8;
    static final int DTR_OFF = 9;
    static final int RTS_ON = 11;
    static final int RTS_OFF = 12;

    private static final System.Logger LOG = System.getLogger(ComPortOption.class.getName());

    /** Sends one subnegotiation (option code first, as Commons Net takes it). */
    interface Sender {
        void send(int[] message) throws IOException;
    }

    private enum State { NEGOTIATING, ENABLED, REFUSED }

    private final int baud;
    private final String server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Answers received per request code, and the value of the last one. */
    private final Map<Integer, Integer> answers = new HashMap<>();
    private final Map<Integer, Integer> lastValue = new HashMap<>();
    private State state = State.NEGOTIATING;

    /**
     * @param baud   the rate asked for as soon as the server agrees to the option
     * @param server names the server in warnings
     */
    ComPortOption(int baud, String server) {
        // Offer the option (WILL) and accept the server's DO; the client never does the server's part.
        super(OPTION, true, false, true, false);
        this.baud = baud;
        this.server = server;
    }

    /** The server agreed (DO COM-PORT-OPTION): ask for the baud rate first, as a serial terminal would. */
    @Override
    public int[] startSubnegotiationLocal() {
        setState(State.ENABLED);
        return setBaudrate(baud);
    }

    /** The server refused the option (DONT): it is a plain Telnet server without serial control. */
    void refused() {
        setState(State.REFUSED);
    }

    @Override
    public int[] answerSubnegotiation(int[] data, int length) {
        if (length < 3 || data[0] != OPTION || data[1] < SERVER_OFFSET) {
            return null; // not an answer to a request (a client-side code, or empty): nothing to keep
        }
        int request = data[1] - SERVER_OFFSET;
        int value = 0;
        for (int i = 2; i < length && i < 6; i++) {
            value = value << 8 | (data[i] & 0xff);
        }
        if (request == SET_BAUDRATE && value != baud) {
            LOG.log(System.Logger.Level.WARNING, "RFC 2217 server " + server + " set " + value + " baud, not " + baud);
        }
        lock.lock();
        try {
            answers.merge(request, 1, Integer::sum);
            lastValue.put(request, value);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return null; // answers are not answered
    }

    /**
     * Sends SET-CONTROL {@code value} and waits for the server's answer.
     *
     * @param expectEcho whether the answer must repeat the value (the new line state); ser2net 4.3 answers
     *                   BREAK-OFF with the BREAK-ON state, so a break only needs an answer
     * @return false if the server refused the option, did not answer within {@code timeout}, or answered
     *         another state (ser2net does not answer DTR/RTS on a device without modem lines, e.g. a pty)
     */
    boolean setControl(Sender sender, int value, boolean expectEcho, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int before;
        lock.lock();
        try {
            if (!awaitNegotiated(deadline)) {
                return false;
            }
            before = answers.getOrDefault(SET_CONTROL, 0);
        } finally {
            lock.unlock();
        }
        sender.send(new int[] {OPTION, SET_CONTROL, value});
        lock.lock();
        try {
            while (answers.getOrDefault(SET_CONTROL, 0) == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return !expectEcho || lastValue.get(SET_CONTROL) == value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The baud rate the server last confirmed, if it did. */
    Integer confirmedBaud() {
        lock.lock();
        try {
            return lastValue.get(SET_BAUDRATE);
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock: waits until the option is agreed or refused; true if agreed. */
    private boolean awaitNegotiated(long deadline) {
        try {
            while (state == State.NEGOTIATING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return state == State.ENABLED;
    }

    private void setState(State newState) {
        lock.lock();
        try {
            state = newState;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static int[] setBaudrate(int baud) {
        return new int[] {OPTION, SET_BAUDRATE, baud >>> 24 & 0xff, baud >>> 16 & 0xff, baud >>> 8 & 0xff, baud & 0xff};
    }
}
