package io.hilharness.analyze;

import io.hilharness.devlog.EventType;
import io.hilharness.devlog.LineFacts;
import io.hilharness.secrets.KeyRedaction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Groups device events into sessions, streaming: each session goes to the listener as soon as its
 * end is seen and is then forgotten, so memory depends on the open sessions only.
 *
 * <p>Grouping key, best first: the client port ({@code , port N} or lwIP's
 * {@code TCP connection request N -> M}); else the mbedTLS ssl context pointer, cut into sessions
 * at {@code => handshake} (a pointer is reused by consecutive connections) and ended by
 * {@code => free}; lines with neither (the firmware's own {@code handshake failed},
 * {@code connection closed}) join the session that logged last, and an {@code accepted connection}
 * line without a port waits for the next new context.
 */
public final class SessionTracker {

    /** Receives closed sessions and finished boots, in log order. */
    public interface Listener {
        void session(SessionSummary session);

        void boot(BootSummary boot);
    }

    /** Open sessions beyond this are closed as UNFINISHED, oldest first (a log with endless new keys). */
    static final int MAX_OPEN = 10_000;

    private static final Set<EventType> CONNECTION_LINES = Set.of(EventType.HANDSHAKE_FAILED,
            EventType.HANDSHAKE_DONE, EventType.HTTP_REQUEST, EventType.FILE_OPENED, EventType.RESPONSE_SENT,
            EventType.HTTP_NOT_FOUND, EventType.TLS_IO_ERROR, EventType.CONNECTION_CLOSED, EventType.SETUP_FAILED);

    private static final Set<EventType> TLS_LINES = Set.of(EventType.HANDSHAKE_START, EventType.HANDSHAKE_END,
            EventType.STATE, EventType.CLIENT_STATE, EventType.ALERT_RECEIVED, EventType.ALERT_FATAL,
            EventType.ALERT_SENT, EventType.CLOSE_NOTIFY_RECEIVED, EventType.DEBUG_RETURN, EventType.SSL_FREE,
            EventType.KEY_EXCHANGE, EventType.CERTIFICATE_SENT, EventType.ALLOC_FAILED);

    private final Listener listener;
    private final Map<String, SessionBuilder> open = new LinkedHashMap<>();
    /** The open sessions keyed by a port, by that port: the lookup of nearly every line of a log with ports. */
    private SessionBuilder[] byPort;
    /**
     * Ports whose session the firmware's own line ended ("connection closed"), until a new connection
     * starts on them: the lines it logs after that end (the heap left, a close after a failed setup)
     * belong to the connection that ended, not to a session of their own.
     */
    private boolean[] endedByFirmware;
    private final Map<String, Integer> contextUses = new HashMap<>();
    private final Map<SessionOutcome, Long> outcomes = new EnumMap<>(SessionOutcome.class);
    /** Events per type in the current boot, by ordinal: an array increment per line, not a map merge. */
    private final long[] eventCounts = new long[EventType.values().length];
    private SessionBuilder lastTouched;
    private final java.util.ArrayDeque<SessionBuilder> awaitingContext = new java.util.ArrayDeque<>();
    private Integer boot;
    private long bootLines;
    private String crashLine;

    public SessionTracker(Listener listener) {
        this.listener = listener;
    }

    public void accept(LineFacts e) {
        if (boot == null || boot != e.boot()) {
            endBoot();
            boot = e.boot();
        }
        bootLines++;
        eventCounts[e.type().ordinal()]++;
        if (e.type() == EventType.CRASH && crashLine == null) {
            crashLine = KeyRedaction.line(e.raw());
        }
        SessionBuilder s = route(e);
        if (s == null) {
            return;
        }
        s.add(e);
        if (lastTouched != s) {
            lastTouched = s; // most lines touch the same session as the line before: spare the write barrier
        }
        boolean firmwareEnd = e.type() == EventType.CONNECTION_CLOSED || e.type() == EventType.SETUP_FAILED
                || e.type() == EventType.TCP_CONNECTION_CLOSED;
        if (firmwareEnd) {
            close(s);
            if (s.portSlot >= 0) {
                if (endedByFirmware == null) {
                    endedByFirmware = new boolean[PORTS];
                }
                endedByFirmware[s.portSlot] = true;
            }
        }
    }

    /** Ends the stream: every open session and the current boot are reported. */
    public void finish() {
        endBoot();
    }

    private SessionBuilder route(LineFacts e) {
        Integer port = e.port();
        if (port != null) {
            int p = port;
            if (p >= 0 && p < PORTS && byPort != null && byPort[p] != null) {
                return byPort[p];
            }
            String slot = portSlot(p);
            SessionBuilder s = open.get(slot);
            if (s == null && afterFirmwareEnd(p, e.type())) {
                return null;
            }
            if (s == null) {
                s = newSession(slot, e);
                open.put(slot, s);
            }
            if (p >= 0 && p < PORTS) {
                if (byPort == null) {
                    byPort = new SessionBuilder[PORTS];
                }
                byPort[p] = s;
                s.portSlot = p;
            }
            return s;
        }
        if (e.context() != null) {
            String slot = "ssl " + e.context();
            SessionBuilder current = open.get(slot);
            // An lwIP board's connection starts at httpd's accept (altcp makes a handshake call per
            // segment), or, when httpd logs nothing, after mbedTLS freed the context.
            boolean lwip = e.attribution() != null;
            EventType starts = lwip ? EventType.CONNECTION_ACCEPTED : EventType.HANDSHAKE_START;
            boolean afterFree = lwip && current != null && current.freed() && e.type() != EventType.OTHER
                    && e.type() != EventType.SSL_FREE; // "<= free" still ends the freed one
            if (current != null && (e.type() == starts || afterFree)) {
                close(current);
                current = null;
            }
            if (current == null) {
                current = newSession(slot, e);
                open.put(slot, current);
            }
            return current;
        }
        if (e.type() == EventType.CONNECTION_ACCEPTED) {
            closeFreed();
            SessionBuilder pending = newSession("accepted " + e.seq(), e);
            open.put(pending.slot, pending);
            awaitingContext.addLast(pending);
            return pending;
        }
        if (TLS_LINES.contains(e.type())) {
            // mbedTLS without THREADING_C (most boards): no pointer, so follow the connection that logged last.
            boolean current = lastTouched != null && open.containsKey(lastTouched.slot);
            if (e.type() == EventType.HANDSHAKE_START && (!current || lastTouched.handshakeStarted())) {
                SessionBuilder next = newSession("tls " + e.seq(), e);
                open.put(next.slot, next);
                return next;
            }
            return current ? lastTouched : null;
        }
        if (CONNECTION_LINES.contains(e.type())) {
            if (lastTouched != null && open.containsKey(lastTouched.slot)) {
                return lastTouched;
            }
            SessionBuilder lone = newSession("line " + e.seq(), e);
            open.put(lone.slot, lone);
            return lone;
        }
        return null;
    }

    /** Whether a line of port {@code p} only trails the connection the firmware just ended there. */
    private boolean afterFirmwareEnd(int p, EventType type) {
        if (endedByFirmware == null || p < 0 || p >= PORTS || !endedByFirmware[p]) {
            return false;
        }
        if (CONNECTION_STARTS.contains(type)) {
            endedByFirmware[p] = false; // a new connection on the same port
            return false;
        }
        return true;
    }

    private static final Set<EventType> CONNECTION_STARTS = Set.of(EventType.CONNECTION_ACCEPTED,
            EventType.HANDSHAKE_START, EventType.TCP_CONNECTION_REQUEST);

    private SessionBuilder newSession(String slot, LineFacts e) {
        if (e.context() != null && e.port() == null && !awaitingContext.isEmpty()) {
            // The firmware's "accepted connection" line came first: same connection, now with its context
            // (oldest accept first; concurrent accepts carry nothing to tell them apart).
            SessionBuilder adopted = awaitingContext.removeFirst();
            open.remove(adopted.slot);
            adopted.rekey(slot, keyFor(e));
            return adopted;
        }
        if (open.size() >= MAX_OPEN) {
            close(open.values().iterator().next());
        }
        return new SessionBuilder(slot, keyFor(e), boot == null ? 0 : boot);
    }

    private static final int PORTS = 65536;

    /** {@code "port N"}, made once per port: every session of a log with ports needs it. */
    private static String portSlot(int port) {
        if (port < 0 || port >= PORT_SLOTS.length()) {
            return "port " + port;
        }
        String slot = PORT_SLOTS.get(port);
        if (slot == null) {
            slot = "port " + port;
            PORT_SLOTS.set(port, slot);
        }
        return slot;
    }

    private static final java.util.concurrent.atomic.AtomicReferenceArray<String> PORT_SLOTS =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(PORTS);

    private String keyFor(LineFacts e) {
        if (e.port() != null) {
            return portSlot(e.port());
        }
        if (e.type() == EventType.HANDSHAKE_START && e.context() == null) {
            return TLS_LINE_KEY + e.seq();
        }
        if (e.context() != null) {
            int n = contextUses.merge(e.context(), 1, Integer::sum);
            return "ssl " + e.context() + " #" + n;
        }
        return LINE_KEY + e.seq();
    }

    // Keys of sessions that have neither port nor context name the line they started on.
    private static final String TLS_LINE_KEY = "tls line ";
    private static final String LINE_KEY = "line ";

    /** Boot of the lines seen last, or null before any line. */
    Integer currentBoot() {
        return boot;
    }

    /**
     * {@code s} as it reads when {@code lines} more lines came before it: its line numbers move, and
     * so does a key that names a line.
     */
    static SessionSummary movedBy(SessionSummary s, long lines) {
        String key = s.key();
        for (String prefix : new String[] {TLS_LINE_KEY, LINE_KEY}) {
            if (key.startsWith(prefix)) {
                key = prefix + (Long.parseLong(key.substring(prefix.length())) + lines);
                break;
            }
        }
        return new SessionSummary(s.boot(), key, s.port(), s.context(), s.firstSeq() + lines, s.lastSeq() + lines,
                s.firstOffset(), s.start(), s.end(), s.startDeviceMs(), s.outcome(), s.alertName(), s.code(),
                s.codeName(), s.handshakeDone(), s.requests(), s.signatureBytes(), s.lines(), s.bytesServed(),
                s.endedBy(), s.attribution());
    }

    private void closeFreed() {
        for (SessionBuilder s : new ArrayList<>(open.values())) {
            if (s.freed()) {
                close(s);
            }
        }
    }

    private void close(SessionBuilder s) {
        if (open.remove(s.slot) == null) {
            return;
        }
        if (s.portSlot >= 0 && byPort[s.portSlot] == s) {
            byPort[s.portSlot] = null;
        }
        awaitingContext.remove(s);
        SessionSummary summary = s.summary();
        outcomes.merge(summary.outcome(), 1L, Long::sum);
        listener.session(summary);
    }

    private void endBoot() {
        if (boot == null) {
            return;
        }
        for (Iterator<SessionBuilder> it = new ArrayList<>(open.values()).iterator(); it.hasNext(); ) {
            close(it.next());
        }
        Map<String, Long> events = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            if (eventCounts[type.ordinal()] > 0) {
                events.put(type.name(), eventCounts[type.ordinal()]);
            }
        }
        listener.boot(new BootSummary(boot, crashLine != null, crashLine, bootLines, outcomes, events));
        open.clear();
        contextUses.clear();
        outcomes.clear();
        java.util.Arrays.fill(eventCounts, 0);
        if (endedByFirmware != null) {
            java.util.Arrays.fill(endedByFirmware, false);
        }
        lastTouched = null;
        awaitingContext.clear();
        bootLines = 0;
        crashLine = null;
        boot = null;
    }
}
