package io.hilharness.devlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ties each line of an lwIP board to its client connection, streaming, and writes the connection's
 * port and pointer into the line's event with how sure that is ({@link Attribution}).
 *
 * <p>What lwIP prints: the client port only on TCP_DEBUG's {@code TCP connection request|established
 * PORT -> 443.} and {@code TCP connection closed: STATE PORT -> 443.}; httpd's pcb pointer on
 * {@code http_accept}, {@code http_recv}, {@code http_send}, {@code Closing connection}; mbedTLS's
 * lines (through altcp) and httpd's {@code Opening}, {@code Sent N bytes}, {@code End of file.} carry
 * nothing. Everything runs on the one tcpip thread, so:
 * <ul>
 * <li>{@code http_accept P} follows {@code TCP connection established PORT} at once: P is PORT's
 *     connection until httpd closes it (a later {@code http_accept} of the same pointer is a new one);</li>
 * <li>a line without identity belongs to the connection of the line before it;</li>
 * <li>{@code => handshake} starts a handshake call for the connection whose segment arrived, which no
 *     line names: the oldest connection still waiting for its ClientHello, else the oldest one in its
 *     handshake; {@code server state: N} corrects a wrong guess for the rest of the call (a ClientHello
 *     state for a connection past its hello). With MBEDTLS_THREADING_C, the ssl context pointer then
 *     names the connection for the rest of its handshake.</li>
 * </ul>
 * Stateful, one per console stream, fed in line order.
 */
final class LwipConnections {

    /** Connections kept beyond this are forgotten oldest first (a log whose closes were never printed). */
    private static final int MAX_TRACKED = 4096;

    private static final class Connection {
        Integer port;
        /** httpd's pcb pointer. */
        String pointer;
        /** mbedTLS's ssl context pointer (MBEDTLS_THREADING_C builds print it). */
        String sslContext;
        /** TCP's three-way handshake is over: only then can TLS lines be its. */
        boolean established;
        boolean accepted;
        boolean pastHello;
        int handshakeCalls;
        boolean closed;
    }

    private final List<Connection> tracked = new ArrayList<>();
    private final Map<Integer, Connection> byPort = new HashMap<>();
    private final Map<String, Connection> byPointer = new HashMap<>();
    private final Map<String, Connection> bySslContext = new HashMap<>();
    /** Established and not yet accepted by httpd: the next {@code http_accept} is its. */
    private Connection established;
    /** The connection of the line before: the one a line without identity belongs to. */
    private Connection current;
    private boolean currentSure;

    /** Sets port, context and attribution of a classified lwIP line. */
    void attribute(DeviceEvent.Builder b) {
        EventType type = b.type();
        if (type == EventType.BOOT) {
            forgetAll();
            return;
        }
        if (b.port() != null) {
            byPortLine(b, type);
        } else if (b.context() != null && b.file() == null) {
            byPointerLine(b, type);
        } else if (b.context() != null) {
            if (!bySslContextLine(b, type)) {
                b.context(null); // no connection to tie it to: not the start of a session either
                return;
            }
        } else if (type == EventType.HANDSHAKE_START) {
            pickForHandshake();
            mark(b, current, currentSure ? Attribution.CONTEXT : Attribution.AMBIGUOUS);
            current.handshakeCalls++;
        } else if (current != null) {
            if (type == EventType.STATE && b.message() != null) {
                correctByState(b);
            }
            mark(b, current, currentSure || openCount() == 1 ? Attribution.CONTEXT : Attribution.AMBIGUOUS);
        } else {
            return;
        }
        if (current != null && ends(type)) {
            close(current);
        }
    }

    private void byPortLine(DeviceEvent.Builder b, EventType type) {
        Connection c = byPort.get(b.port());
        if (c == null || type == EventType.TCP_CONNECTION_REQUEST && c.closed) {
            c = track();
            c.port = b.port();
            byPort.put(c.port, c);
        }
        if (type == EventType.TCP_CONNECTION_ESTABLISHED) {
            established = c;
            c.established = true;
        }
        current = c;
        currentSure = true;
        mark(b, c, Attribution.EXACT);
        if (type == EventType.TCP_CONNECTION_CLOSED) {
            close(c);
            byPort.remove(c.port);
            forget(c);
        }
    }

    private void byPointerLine(DeviceEvent.Builder b, EventType type) {
        String pointer = b.context();
        Connection c = byPointer.get(pointer);
        Attribution how = Attribution.POINTER;
        if (type == EventType.CONNECTION_ACCEPTED) {
            if (c != null) {
                close(c); // the pointer is reused: its earlier connection ended without a line
                byPointer.remove(pointer);
            }
            if (established != null && !established.accepted && !established.closed) {
                c = established;
                how = Attribution.CONTEXT; // tied to the port by order, as everything after it is by pointer
            } else {
                c = track();
            }
            established = null;
            c.pointer = pointer;
            c.accepted = true;
            c.established = true;
            byPointer.put(pointer, c);
        } else if (c == null) {
            // No http_accept seen for it (HTTPD_DEBUG's accept line off, or the capture began later):
            // the connection that logged last when it has no pointer yet, else one of its own.
            boolean adopt = current != null && !current.closed && current.pointer == null;
            c = adopt ? current : track();
            how = adopt ? Attribution.CONTEXT : Attribution.POINTER;
            c.pointer = pointer;
            c.accepted = true;
            c.established = true;
            byPointer.put(pointer, c);
        }
        current = c;
        currentSure = true;
        mark(b, c, how);
        if (type == EventType.CONNECTION_CLOSED) {
            byPointer.remove(pointer);
        }
    }

    /** mbedTLS with MBEDTLS_THREADING_C prints its ssl context pointer: an identity of its own. */
    private boolean bySslContextLine(DeviceEvent.Builder b, EventType type) {
        String ssl = b.context();
        Connection c = bySslContext.get(ssl);
        Attribution how = Attribution.POINTER;
        if (type == EventType.SSL_FREE && current != null && current.closed && current.pointer != null && c != current
                && (c == null || !c.closed)) {
            // altcp frees the context the moment httpd closes its connection: the guess that tied this
            // context to another connection was wrong, and that one's context is likely the closed one's.
            swapContexts(current, c, ssl);
            c = current;
        }
        // A closed connection's context still logs its end (=> free, <= free); any other line is the
        // context's next connection (mbedTLS's allocator hands the same address out again).
        if (c == null || c.closed && !freeing(b, type)) {
            if (c == null && freeing(b, type) || type != EventType.HANDSHAKE_START && !anyOpenEstablished()) {
                return false; // e.g. a context freed at start-up, before any connection
            }
            if (type != EventType.HANDSHAKE_START && established != null && current == established) {
                current = established; // altcp sets up the ssl context in the accept callback, before httpd's line
                currentSure = true;
            } else {
                pickForHandshake();
            }
            c = current;
            how = currentSure ? Attribution.CONTEXT : Attribution.AMBIGUOUS;
            bySslContext.put(ssl, c);
            c.sslContext = ssl;
        }
        if (type == EventType.HANDSHAKE_START) {
            c.handshakeCalls++;
        }
        current = c;
        currentSure = true;
        mark(b, c, how);
        if (type == EventType.SSL_FREE) {
            if (c.pointer == null) {
                close(c); // httpd logs nothing: the context's end is the connection's
            }
        }
        return true;
    }

    private void swapContexts(Connection closing, Connection wronglyHeld, String ssl) {
        String other = closing.sslContext;
        if (wronglyHeld != null) {
            wronglyHeld.sslContext = other;
            if (other != null) {
                bySslContext.put(other, wronglyHeld);
            }
        } else if (other != null) {
            bySslContext.remove(other);
        }
        closing.sslContext = ssl;
        bySslContext.put(ssl, closing);
    }

    private static boolean freeing(DeviceEvent.Builder b, EventType type) {
        return type == EventType.SSL_FREE || "<= free".equals(b.message());
    }

    private boolean anyOpenEstablished() {
        for (Connection c : tracked) {
            if (!c.closed && c.established) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection a {@code => handshake} without identity is for: the oldest established one that
     * waits for its first handshake call (clients send their ClientHello in the order they connected),
     * else the oldest one in its handshake. Sure only when nothing else could be.
     */
    private void pickForHandshake() {
        List<Connection> waiting = new ArrayList<>();
        List<Connection> inHandshake = new ArrayList<>();
        for (Connection c : tracked) {
            if (!c.closed && c.established) {
                (inTls(c) ? inHandshake : waiting).add(c);
            }
        }
        if (waiting.isEmpty() && inHandshake.isEmpty()) {
            // "established" not logged (a log cut short, an older lwIP): a requested connection may do TLS too.
            for (Connection c : tracked) {
                if (!c.closed) {
                    (inTls(c) ? inHandshake : waiting).add(c);
                }
            }
        }
        Connection pick;
        if (!waiting.isEmpty()) {
            pick = waiting.get(0);
        } else if (!inHandshake.isEmpty()) {
            pick = inHandshake.get(0);
        } else {
            pick = track(); // no connection logged at all (TCP_DEBUG and HTTPD_DEBUG off)
            pick.established = true;
            waiting.add(pick);
        }
        current = pick;
        currentSure = waiting.size() + inHandshake.size() == 1;
    }

    /** A ClientHello state for a connection already past its hello means the call is another's. */
    private void correctByState(DeviceEvent.Builder b) {
        Integer state = stateOf(b.message());
        if (state == null || current.closed) {
            return;
        }
        if (state >= 2) {
            current.pastHello = true;
            return;
        }
        if (!current.pastHello) {
            return;
        }
        for (Connection c : tracked) {
            if (!c.closed && c.established && !c.pastHello && c != current) {
                current.handshakeCalls--;
                c.handshakeCalls++;
                current = c;
                currentSure = false;
                return;
            }
        }
    }

    private static boolean inTls(Connection c) {
        return c.handshakeCalls > 0 || c.sslContext != null;
    }

    private static Integer stateOf(String message) {
        int at = message.lastIndexOf(' ');
        return at < 0 ? null : LineText.intOrNull(message.substring(at + 1));
    }

    private static boolean ends(EventType type) {
        return type == EventType.CONNECTION_CLOSED || type == EventType.SETUP_FAILED
                || type == EventType.HANDSHAKE_FAILED;
    }

    /** Port and pointer of {@code c} into the event; a closed connection's pointer may already be another's. */
    private static void mark(DeviceEvent.Builder b, Connection c, Attribution how) {
        if (b.port() == null && c.port != null) {
            b.port(c.port);
        }
        String identity = c.pointer != null ? c.pointer : c.sslContext;
        if (b.file() != null && b.context() != null) {
            b.context(identity); // the connection's pointer, not the ssl context's, keys its session
        } else if (b.context() == null && !c.closed) {
            b.context(identity);
        }
        b.attribution(how);
    }

    private void close(Connection c) {
        c.closed = true;
        if (c.pointer != null && byPointer.get(c.pointer) == c) {
            byPointer.remove(c.pointer);
        }
        if (established == c) {
            established = null;
        }
    }

    private int openCount() {
        int n = 0;
        for (Connection c : tracked) {
            if (!c.closed) {
                n++;
            }
        }
        return n;
    }

    private Connection track() {
        if (tracked.size() >= MAX_TRACKED) {
            Connection oldest = tracked.get(0);
            close(oldest);
            if (oldest.port != null && byPort.get(oldest.port) == oldest) {
                byPort.remove(oldest.port);
            }
            forget(oldest);
        }
        Connection c = new Connection();
        tracked.add(c);
        return c;
    }

    private void forget(Connection c) {
        tracked.remove(c);
        bySslContext.values().removeIf(v -> v == c);
    }

    private void forgetAll() {
        tracked.clear();
        byPort.clear();
        byPointer.clear();
        bySslContext.clear();
        established = null;
        current = null;
        currentSure = false;
    }
}
