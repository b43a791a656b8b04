package io.hilharness.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static ConnectionRecord client(String id, int port, long startMs, long endMs) {
        return new ConnectionRecord(id, 1, 1, port, "127.0.0.1:8443", T0.plusMillis(startMs), T0.plusMillis(endMs),
                1L, 5L, null, null, List.of(), List.of(), Outcome.OK, null);
    }

    private static long seq = 0;

    private static DeviceEvent device(Integer port, long atMs, EventType type) {
        return DeviceEvent.builder().seq(++seq).hostTime(T0.plusMillis(atMs)).type(type).port(port)
                .message(type.name()).raw(type.name()).build();
    }

    private final Correlator correlator = new Correlator(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void joinsByPortInsideTheTimeWindow() {
        ConnectionRecord a = client("a", 50001, 0, 200);
        ConnectionRecord b = client("b", 50002, 10, 300);
        List<DeviceEvent> events = List.of(
                device(50001, 5, EventType.CONNECTION_ACCEPTED),
                device(50002, 20, EventType.CONNECTION_ACCEPTED),
                device(null, 30, EventType.OTHER),
                device(50001, 150, EventType.HANDSHAKE_FAILED),
                device(50001, 900, EventType.CONNECTION_CLOSED),
                device(50002, 400, EventType.CONNECTION_CLOSED));

        Correlation result = correlator.correlate(List.of(a, b), events);

        assertEquals(List.of(EventType.CONNECTION_ACCEPTED, EventType.HANDSHAKE_FAILED, EventType.CONNECTION_CLOSED),
                result.connections().get(0).device().stream().map(DeviceEvent::type).toList());
        assertEquals(2, result.connections().get(1).device().size());
        assertTrue(result.unmatchedClients().isEmpty());
        assertTrue(result.unmatchedDevice().isEmpty(), "lines without a port are not sessions");
    }

    @Test
    void aReusedPortOutsideTheWindowIsSomeoneElsesSession() {
        ConnectionRecord early = client("early", 50001, 0, 100);
        List<DeviceEvent> events = List.of(
                device(50001, 10, EventType.CONNECTION_ACCEPTED),
                device(50001, 5_000, EventType.CONNECTION_ACCEPTED),
                device(50009, 50, EventType.CONNECTION_ACCEPTED));

        Correlation result = correlator.correlate(List.of(early), events);

        assertEquals(1, result.connections().get(0).device().size());
        assertEquals(Set.of(50001, 50009),
                Set.copyOf(result.unmatchedDevice().stream().map(DeviceSession::port).toList()));
    }

    @Test
    void aLateLineOfTheRoundBeforesConnectionIsItsNotAStrangers() {
        ConnectionRecord before = client("b1r1c2", 50001, 0, 100);
        ConnectionRecord now = client("b1r2c1", 50002, 120, 300);
        List<DeviceEvent> events = List.of(
                device(50001, 130, EventType.OTHER), // lwIP's tcp_pcb_purge, tied to 50001 by the line before it
                device(50002, 140, EventType.CONNECTION_ACCEPTED),
                device(50003, 150, EventType.CONNECTION_ACCEPTED),
                device(50001, 5_000, EventType.CONNECTION_ACCEPTED));

        Correlation result = correlator.correlate(List.of(now), events, List.of(before));

        assertEquals(1, result.connections().get(0).device().size());
        List<DeviceSession> sessions = result.unmatchedDevice();
        assertEquals(3, sessions.size(), "" + sessions);
        assertEquals(new DeviceSession(50001, List.of(events.get(0)), "b1r1c2"), sessions.get(0));
        assertEquals(List.of(50003, 50001), sessions.stream().filter(DeviceSession::noClientOpened)
                .map(DeviceSession::port).toList(), "a stranger, and the port used again outside the window");
    }

    @Test
    void connectionsTheBoardNeverLoggedAreReported() {
        ConnectionRecord refused = new ConnectionRecord("r", 1, 1, 50003, "127.0.0.1:8443", T0, T0.plusMillis(1),
                null, null, null, null, List.of(), List.of(), Outcome.REFUSED, "Connection refused");
        ConnectionRecord neverBound = new ConnectionRecord("n", 1, 1, -1, "127.0.0.1:8443", T0, T0,
                null, null, null, null, List.of(), List.of(), Outcome.ERROR, "no socket");

        Correlation result = correlator.correlate(List.of(refused, neverBound), List.of());

        assertEquals(List.of(refused, neverBound), result.unmatchedClients());
        assertEquals(2, result.connections().size());
    }

    @Test
    void awaitingSessionEndsWakesUpWhenTheLastEndArrives() throws Exception {
        DeviceEventLog log = new DeviceEventLog();
        log.add(device(50001, 0, EventType.CONNECTION_CLOSED));
        CompletableFuture<Set<Integer>> open = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitSessionsEnded(List.of(50001, 50002), 0, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        log.add(device(50002, 10, EventType.SETUP_FAILED));
        assertEquals(Set.of(), open.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aSessionThatNeverEndsIsReportedAfterTheTimeout() throws Exception {
        DeviceEventLog log = new DeviceEventLog();
        log.add(device(50001, 0, EventType.HANDSHAKE_START));
        assertEquals(Set.of(50001), log.awaitSessionsEnded(List.of(50001), 0, Duration.ofMillis(50)));
    }
}
