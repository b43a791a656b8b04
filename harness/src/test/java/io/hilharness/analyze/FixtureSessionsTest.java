package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.devlog.LogFormats;
import io.hilharness.devlog.LogFormatsFile;
import io.hilharness.devlog.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every fixture format gives its expected sessions and outcomes (see fixtures/devlog/README.md). */
class FixtureSessionsTest {

    static Path fixture(String name) {
        String root = System.getProperty("hil.projectRoot");
        for (Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures/devlog"))) {
                return dir.resolve("fixtures/devlog").resolve(name);
            }
        }
        throw new IllegalStateException("no fixtures/devlog");
    }

    static final class Collected implements SessionTracker.Listener {
        final List<SessionSummary> sessions = new ArrayList<>();
        final List<BootSummary> boots = new ArrayList<>();

        @Override
        public void session(SessionSummary s) {
            sessions.add(s);
        }

        @Override
        public void boot(BootSummary b) {
            boots.add(b);
        }

        List<String> outcomes() {
            return sessions.stream().map(s -> s.boot() + ":" + s.outcome()
                    + (s.alertName() != null ? ":" + s.alertName() : "")).toList();
        }
    }

    static Collected analyze(String name, Supplier<LogFormat> format) throws Exception {
        Collected c = new Collected();
        new LogAnalyzer(format).analyze(fixture(name), c, n -> { });
        return c;
    }

    private static final List<String> REFBOARD = List.of(
            "1:COMPLETED", "1:ALERT_RECEIVED:unknown_ca", "1:EOF", "1:COMPLETED",
            "2:COMPLETED", "2:COMPLETED", "2:ALERT_RECEIVED:unknown_ca");

    @Test
    void realCaptureWithPortsKeysOnPorts() throws Exception {
        Collected c = analyze("refboard-mbedtls-ports.log", LogFormats::autoDetect);
        assertEquals(REFBOARD, c.outcomes());
        assertEquals(List.of(49584, 49590, 49602, 49610, 49622, 49628, 49638),
                c.sessions.stream().map(SessionSummary::port).toList());
        assertEquals(List.of("GET /"), c.sessions.get(0).requests());
        assertEquals(-0x7280, c.sessions.get(2).code());
        assertEquals(2, c.boots.size());
    }

    @Test
    void realCaptureWithoutPortsKeysOnContextPointerAndBoundaries() throws Exception {
        Collected c = analyze("refboard-mbedtls-noports.log", LogFormats::autoDetect);
        // Concurrent connections of boot 2 may come out in another order; the multiset is what counts.
        assertEquals(REFBOARD.subList(0, 4), c.outcomes().subList(0, 4));
        assertEquals(REFBOARD.subList(4, 7).stream().sorted().toList(), c.outcomes().subList(4, 7).stream().sorted().toList());
        assertTrue(c.sessions.stream().allMatch(s -> s.port() == null && s.context() != null));
        assertEquals("ssl 0x7f1a3c000d50 #4", c.sessions.get(3).key(), "a pointer is reused by consecutive connections");
        assertTrue(c.sessions.get(0).signatureBytes() >= 70 && c.sessions.get(0).signatureBytes() <= 72);
    }

    @Test
    void lwipAltcpWithRawDebugLines() throws Exception {
        Collected c = analyze("lwip-altcp.log", LogFormats::autoDetect);
        assertEquals(List.of("0:ALERT_RECEIVED:certificate_unknown", "0:COMPLETED"), c.outcomes());
        assertEquals(List.of(49152, 49153), c.sessions.stream().map(SessionSummary::port).toList());
        assertEquals(List.of("GET /style.css"), c.sessions.get(1).requests());
        assertEquals(1L, c.boots.get(0).events().get("LISTEN_BACKLOG_EXCEEDED"));
        assertEquals(1L, c.boots.get(0).events().get("MEMORY_POOL_EXHAUSTED"));
    }

    @Test
    void mbedTraceWithColourCodes() throws Exception {
        Collected c = analyze("mbed-trace.log", LogFormats::autoDetect);
        assertEquals(List.of("0:ALERT_RECEIVED:unknown_ca"), c.outcomes());
        assertTrue(c.boots.get(0).crashed());
    }

    @Test
    void espIdf() throws Exception {
        Collected c = analyze("esp-idf.log", LogFormats::autoDetect);
        assertEquals(List.of("1:ALERT_RECEIVED:certificate_unknown", "1:EOF"), c.outcomes());
        assertEquals(5120L, c.sessions.get(0).startDeviceMs());
        assertTrue(c.boots.get(0).crashed(), "task watchdog is a death pattern");
    }

    @Test
    void userDefinedRegexFormatWithDeathPattern() throws Exception {
        var user = LogFormatsFile.read(fixture("user-formats.yaml"));
        Collected c = analyze("user-format.log", () -> LogFormats.autoDetect(user));
        assertEquals(List.of("0:ALERT_RECEIVED:bad_certificate"), c.outcomes());
        assertTrue(c.boots.get(0).crashed());
        assertEquals(120L, c.sessions.get(0).startDeviceMs());
    }

    @Test
    void boardFormatFixtureStillAnalyzes() throws Exception {
        Collected c = analyze("board-selfsigned.log", LogFormats::autoDetect);
        assertFalse(c.sessions.isEmpty());
        assertTrue(c.sessions.stream().allMatch(s -> s.port() != null));
    }
}
