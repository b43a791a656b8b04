package io.hilharness.diagnose;

import io.hilharness.capture.WireConversation;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One correlated connection placed in its campaign: which boot and round, its position since the
 * boot, how long after the ready line it started, and how many connections were open when it did.
 *
 * @param indexInBoot  1 for the first connection after a boot's ready line, in start order
 * @param msSinceReady from the boot's ready line (reset time + ready delay) to the connect; null when
 *                     the boot's timing is unknown
 * @param openAtStart  connections of ours open when this one started, itself included
 * @param withoutEnd   the board had not logged the end of this session when the round was journaled
 * @param wire         the connection's TCP stream in the run's packet capture; null without capture
 */
public record ConnectionFacts(CorrelatedConnection connection, int boot, int round, int indexInBoot,
                              Long msSinceReady, int openAtStart, boolean withoutEnd, WireConversation wire) {

    public ConnectionFacts(CorrelatedConnection connection, int boot, int round, int indexInBoot,
                           Long msSinceReady, int openAtStart, boolean withoutEnd) {
        this(connection, boot, round, indexInBoot, msSinceReady, openAtStart, withoutEnd, null);
    }

    /** What the packet capture saw of this connection; empty when the run had no capture or missed it. */
    public Optional<WireConversation> onWire() {
        return Optional.ofNullable(wire);
    }

    public ConnectionFacts withWire(WireConversation conversation) {
        return new ConnectionFacts(connection, boot, round, indexInBoot, msSinceReady, openAtStart, withoutEnd, conversation);
    }

    public ConnectionRecord client() {
        return connection.client();
    }

    public List<DeviceEvent> device() {
        return connection.device();
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
        return client().outcome() != Outcome.OK;
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
