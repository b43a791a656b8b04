package io.hilharness.diagnose.rules;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.diagnose.ConnectionFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the board's log says about one connection, independent of which client made it. Different
 * clients reject the same certificate differently (alert 46, alert 48, a bare EOF, a reset), so rules
 * look for the shape of a session, never for one client's signature.
 */
final class Signatures {
    static final int FATAL_ALERT_MESSAGE = -0x7780;
    static final int PEER_CLOSE_NOTIFY = -0x7880;
    static final int CONN_EOF = -0x7280;
    static final int ALLOC_FAILED = -0x7F00;
    static final int NET_CONN_RESET = -0x0050;
    static final int NET_RECV_FAILED = -0x004C;

    /**
     * Alerts a client sends about the server's certificate: bad_certificate, unsupported_certificate,
     * certificate_revoked, certificate_expired, certificate_unknown, unknown_ca. (47 illegal_parameter
     * and 49 access_denied are about the protocol and authorisation, not the certificate.)
     */
    static final Set<Integer> CERTIFICATE_ALERTS = Set.of(42, 43, 44, 45, 46, 48);

    /** The peer ended the handshake without an alert: EOF, TCP reset, or a failed receive. */
    static final Set<Integer> PEER_ABORT_CODES = Set.of(CONN_EOF, NET_CONN_RESET, NET_RECV_FAILED);

    /** mbedTLS handshake state after the server's Certificate message was written (SERVER_KEY_EXCHANGE). */
    static final int STATE_AFTER_CERTIFICATE = 4;

    private static final Set<EventType> ALERTS = Set.of(EventType.ALERT_RECEIVED, EventType.ALERT_FATAL);

    private Signatures() {
    }

    /** The firmware's "handshake done" line; mbedTLS logs {@code <= handshake} also when the handshake failed. */
    static boolean handshakeDone(ConnectionFacts c) {
        return c.has(EventType.HANDSHAKE_DONE);
    }

    /** A fatal certificate alert the client sent before the handshake completed. */
    static Optional<DeviceEvent> certificateAlert(ConnectionFacts c) {
        for (DeviceEvent e : c.device()) {
            if (e.type() == EventType.HANDSHAKE_DONE) {
                return Optional.empty();
            }
            if (ALERTS.contains(e.type()) && e.alertDescription() != null
                    && CERTIFICATE_ALERTS.contains(e.alertDescription())
                    && (e.type() == EventType.ALERT_FATAL || Integer.valueOf(2).equals(e.alertLevel()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The line where the board saw the client abandon the handshake without an alert (EOF, reset). */
    static Optional<DeviceEvent> handshakeAbort(ConnectionFacts c) {
        if (handshakeDone(c)) {
            return Optional.empty();
        }
        return c.device().stream()
                .filter(e -> (e.type() == EventType.HANDSHAKE_FAILED || e.type() == EventType.CONNECTION_CLOSED)
                        && e.code() != null && PEER_ABORT_CODES.contains(e.code()))
                .findFirst();
    }

    /** The board logged its handshake states (debug threshold 2 or more). */
    static boolean statesLogged(ConnectionFacts c) {
        return c.has(EventType.STATE) || c.has(EventType.CERTIFICATE_SENT);
    }

    /** The board had sent its certificate before the session ended. */
    static boolean certificateSent(ConnectionFacts c) {
        return c.device().stream().anyMatch(e -> e.type() == EventType.CERTIFICATE_SENT
                || (e.type() == EventType.STATE && e.state() != null && e.state() >= STATE_AFTER_CERTIFICATE));
    }

    /** The last handshake state the board logged before {@code until}, if any. */
    static Optional<DeviceEvent> lastStateBefore(ConnectionFacts c, DeviceEvent until) {
        DeviceEvent last = null;
        for (DeviceEvent e : c.device()) {
            if (e.seq() >= until.seq()) {
                break;
            }
            if (e.type() == EventType.STATE || e.type() == EventType.CERTIFICATE_SENT) {
                last = e;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Cited lines in log order without repeats. */
    static List<DeviceEvent> lines(DeviceEvent... events) {
        return java.util.Arrays.stream(events).filter(java.util.Objects::nonNull).distinct()
                .sorted(java.util.Comparator.comparingLong(DeviceEvent::seq)).toList();
    }
}
