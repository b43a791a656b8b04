package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.devlog.LogFormats;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code hil analyze} on real lwip-board console captures (fixtures/devlog/lwip, lwIP 2.2.1 httpd over
 * altcp_tls on Mbed TLS 2.28.10): the format is found without configuration, and every client
 * connection the curl load made is one session keyed by its port, with the outcome the client saw.
 */
class LwipCaptureSessionsTest {

    private static FixtureSessionsTest.Collected analyze(String capture) throws Exception {
        return FixtureSessionsTest.analyze("lwip/" + capture + ".console.log", LogFormats::autoDetect);
    }

    /** The curl clients' record: {@code port path code bytes [error]}, or {@code port n url code bytes} for session-cache. */
    private record Client(int port, String path, boolean ok) {
    }

    private static List<Client> clients(String capture) throws Exception {
        List<Client> clients = new ArrayList<>();
        for (String line : Files.readAllLines(FixtureSessionsTest.fixture("lwip/" + capture + ".ports.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || !f[0].matches("[0-9]+") || f[0].equals("0")) {
                continue; // "--- reboot", "board exit", or a connection refused before curl knew its port
            }
            boolean cache = f[1].matches("[0-9]+");
            String url = cache ? f[2] : f[1];
            String code = cache ? f[3] : f[2];
            clients.add(new Client(Integer.parseInt(f[0]), url.replaceFirst("^https://[^/]+", ""), code.equals("200")));
        }
        return clients;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lwip-good-curl", "lwip-selfsigned-curl", "lwip-pathlen0-curl", "lwip-selfsigned-threshold2-curl",
        "lwip-small-heap-curl", "lwip-small-heap-parallel6", "lwip-small-heap-threshold2-curl", "lwip-session-cache-rounds"})
    void everyClientConnectionIsOneSessionOnItsPortWithTheOutcomeTheClientSaw(String capture) throws Exception {
        Map<Integer, List<SessionSummary>> byPort = analyze(capture).sessions.stream().filter(s -> s.port() != null)
                .collect(Collectors.groupingBy(SessionSummary::port));
        List<Client> clients = clients(capture);
        assertFalse(clients.isEmpty());
        for (Client c : clients) {
            List<SessionSummary> mine = byPort.getOrDefault(c.port(), List.of());
            assertEquals(1, mine.size(), capture + " port " + c.port() + ": " + mine);
            SessionSummary s = mine.get(0);
            if (c.ok()) {
                String expected = c.path().equals("page") ? "/dashboard.html" : c.path().equals("css") ? "/style.css" : c.path();
                assertEquals(SessionOutcome.COMPLETED, s.outcome(), s.describe());
                assertEquals(List.of("GET " + expected), s.requests(), s.describe());
            } else {
                assertTrue(s.outcome() != SessionOutcome.COMPLETED, s.describe());
            }
        }
    }

    @Test
    void servedSessionsShowPathBytesAndEnd() throws Exception {
        FixtureSessionsTest.Collected c = analyze("lwip-good-curl");
        assertEquals(2, c.boots.size(), "the soft reset starts boot 2");
        SessionSummary first = c.sessions.get(0);
        assertEquals(38116, first.port());
        assertEquals("0x5f26d0", first.context(), "httpd's pcb pointer");
        assertEquals(List.of("GET /dashboard.html"), first.requests());
        assertEquals(18045 + 130, first.bytesServed(), "the 18045-byte page and its 130 bytes of headers, as httpd wrote them");
        assertEquals("closed by httpd", first.endedBy());
        assertEquals("CONTEXT", first.attribution(), "one connection at a time: every line follows its own connection's");
        assertTrue(first.handshakeDone(), "no 'handshake over' line at threshold 1: the request proves it");
        assertTrue(c.sessions.stream().anyMatch(s -> "AMBIGUOUS".equals(s.attribution())),
                "six parallel connections: mbedTLS's lines cannot all be told apart");
    }

    @Test
    void aPointerReusedByALaterConnectionStartsANewSession() throws Exception {
        List<SessionSummary> sessions = analyze("lwip-good-curl").sessions;
        List<Integer> ports = sessions.stream().filter(s -> s.boot() == 1 && "0x5f26d0".equals(s.context()))
                .map(SessionSummary::port).toList();
        assertTrue(ports.size() >= 3, "sequential connections get the same pcb back from lwIP's pool: " + ports);
        assertEquals(ports.size(), ports.stream().distinct().count(), "one session per connection: " + ports);
        assertEquals(List.of(38116, 38132), ports.subList(0, 2));
    }

    @Test
    void rejectedCertificateIsTheClientsAlertAndTheFailedHandshake() throws Exception {
        SessionSummary s = analyze("lwip-selfsigned-curl").sessions.get(0);
        assertEquals(SessionOutcome.ALERT_RECEIVED, s.outcome());
        assertEquals("unknown_ca", s.alertName(), "curl sends alert 48");
        assertEquals(-0x7780, s.code());
        assertEquals("mbedtls_ssl_handshake", s.endedBy());
        assertFalse(s.handshakeDone());
    }

    @Test
    void smallHeapFailuresAreSetupFailuresIncludingConnectionsTheClientNeverSawOpen() throws Exception {
        FixtureSessionsTest.Collected c = analyze("lwip-small-heap-parallel6");
        List<Integer> clientPorts = clients("lwip-small-heap-parallel6").stream().map(Client::port).toList();
        List<SessionSummary> refused = c.sessions.stream().filter(s -> !clientPorts.contains(s.port())).toList();
        assertFalse(refused.isEmpty());
        assertTrue(refused.stream().allMatch(s -> s.outcome() == SessionOutcome.SETUP_FAILED), refused.toString());
        Map<String, Long> events = c.boots.get(0).events();
        assertTrue(events.get("ALLOC_FAILED") > 0, "mem_malloc: could not allocate / alloc(N bytes) failed");
        assertTrue(events.get("SETUP_FAILED") > 0, "mbedtls_ssl_setup failed");
    }

    @Test
    void withoutLwipDebugTheSslContextKeysTheSessionAndApplicationDataProvesTheHandshake() throws Exception {
        FixtureSessionsTest.Collected c = analyze("lwip-good-threshold2-nodebug");
        assertEquals(1, c.sessions.size(), c.sessions.toString());
        SessionSummary s = c.sessions.get(0);
        assertNull(s.port(), "no TCP_DEBUG: the port is never logged");
        assertEquals("0x576470", s.context());
        assertEquals(SessionOutcome.COMPLETED, s.outcome());
        assertTrue(s.handshakeDone());
    }

    @Test
    void browserPreconnectsClosedUnusedAreEof() throws Exception {
        FixtureSessionsTest.Collected c = analyze("lwip-good-chromium");
        assertEquals(List.of("GET /dashboard.html", "GET /style.css", "GET /favicon.ico", "GET /dashboard.html", "GET /style.css"),
                c.sessions.stream().flatMap(s -> s.requests().stream()).toList());
        assertTrue(c.sessions.stream().allMatch(s -> s.outcome() == SessionOutcome.COMPLETED
                || s.outcome() == SessionOutcome.EOF && s.requests().isEmpty()), c.sessions.toString());
    }

    @Test
    void assertionBeforeTheReadyLineIsACrashedBoot() throws Exception {
        FixtureSessionsTest.Collected c = analyze("crash-mem41800");
        assertTrue(c.boots.get(0).crashed());
        assertEquals(1L, c.boots.get(0).events().get("SETUP_FAILED"));
    }
}
