package io.hilharness.diagnose;

import io.hilharness.capture.WireConversation;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.run.ConnectionPlacement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One correlated connection as the rules read it: its place in the campaign ({@link ConnectionPlacement},
 * the same the report shows), how long after the ready line it started, and what the board and the
 * capture saw of it.
 *
 * @param msSinceReady from the boot's ready line (reset time + ready delay) to the connect; null when
 *                     the boot's timing is unknown
 * @param withoutEnd   the board had not logged the end of this session when the round was journaled
 * @param wire         the connection's TCP stream in the run's packet capture; null without capture
 */
public record ConnectionFacts(ConnectionPlacement placement, Long msSinceReady, boolean withoutEnd, WireConversation wire) {
    private static final Set<EventType> ENDINGS = Set.of(EventType.HANDSHAKE_FAILED, EventType.CONNECTION_CLOSED,
            EventType.SETUP_FAILED, EventType.TLS_IO_ERROR);


    public CorrelatedConnection connection() {
        return placement.connection();
    }

    public int boot() {
        return placement.boot();
    }

    public int round() {
        return placement.round();
    }

    /** 1 for the first connection of the boot, in boot order. */
    public int indexSinceBoot() {
        return placement.indexSinceBoot();
    }

    /** Connections of ours open when this one started, itself included. */
    public int openAtStart() {
        return placement.openAtStart();
    }

    /** What the packet capture saw of this connection; empty when the run had no capture or missed it. */
    public Optional<WireConversation> onWire() {
        return Optional.ofNullable(wire);
    }

    public ConnectionFacts withWire(WireConversation conversation) {
        return new ConnectionFacts(placement, msSinceReady, withoutEnd, conversation);
    }

    public ConnectionRecord client() {
        return placement.client();
    }

    /** The lines that show how the session went wrong: warnings, errors and how it ended, at most {@code max}. */
    public List<DeviceEvent> troubleLines(int max) {
        return device().stream()
                .filter(e -> e.severity() != Severity.INFO || ENDINGS.contains(e.type()))
                .limit(max).toList();
    }

    public List<DeviceEvent> device() {
        return connection().device();
    }

    public String id() {
        return client().id();
    }

    public int port() {
        return client().localPort();
    }

    public Outcome outcome() {
        return client().outcome();
    }

    public boolean failed() {
        return placement.failed();
    }

    public List<DeviceEvent> events(Set<EventType> types) {
        return device().stream().filter(e -> types.contains(e.type())).toList();
    }

    public Optional<DeviceEvent> first(EventType type) {
        return device().stream().filter(e -> e.type() == type).findFirst();
    }

    public boolean has(EventType type) {
        return first(type).isPresent();
    }
}
