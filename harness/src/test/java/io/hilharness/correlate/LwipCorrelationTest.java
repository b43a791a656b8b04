package io.hilharness.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.console.ConsoleLine;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.LogFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live parser on a real lwip-board capture gives every client connection its board lines by port,
 * although lwIP names the port on its TCP_DEBUG lines only.
 */
class LwipCorrelationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static Path lwip(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures/devlog/lwip"))) {
                return dir.resolve("fixtures/devlog/lwip").resolve(name);
            }
        }
        throw new IllegalStateException("no fixtures/devlog/lwip");
    }

    @Test
    void everyCurlConnectionJoinsItsBoardLinesByPort() throws Exception {
        DeviceLogParser parser = new DeviceLogParser(LogFormats.autoDetect());
        DeviceEventLog log = new DeviceEventLog();
        long seq = 0;
        for (String line : Files.readAllLines(lwip("lwip-good-curl.console.log"), StandardCharsets.UTF_8)) {
            seq++;
            log.addAll(parser.accept(new ConsoleLine(seq, 0, T0.plusMillis(seq), line, false)));
        }
        Instant end = T0.plusMillis(seq);
        List<ConnectionRecord> clients = new ArrayList<>();
        for (String line : Files.readAllLines(lwip("lwip-good-curl.ports.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f[0].matches("[0-9]+")) {
                clients.add(new ConnectionRecord("c" + f[0], null, null, Integer.parseInt(f[0]), "192.168.77.2:443", T0, end,
                        1L, 5L, null, null, List.of(), List.of(), Outcome.OK, null));
            }
        }
        List<Integer> ports = clients.stream().map(ConnectionRecord::localPort).toList();
        assertEquals(java.util.Set.of(), log.awaitSessionsEnded(ports, 0, Duration.ZERO), "the board logged every end");

        Correlation joined = new Correlator(Duration.ofMillis(100), Duration.ofSeconds(3)).correlate(clients, log.since(0));
        assertEquals(List.of(), joined.unmatchedClients());
        assertEquals(List.of(), joined.unmatchedDevice());
        for (CorrelatedConnection c : joined.connections()) {
            List<DeviceEvent> requests = c.device().stream().filter(e -> e.type() == EventType.HTTP_REQUEST).toList();
            assertEquals(1, requests.size(), c.client().localPort() + ": " + requests);
            assertTrue(c.device().stream().anyMatch(e -> e.type() == EventType.CONNECTION_ACCEPTED));
        }
    }
}
