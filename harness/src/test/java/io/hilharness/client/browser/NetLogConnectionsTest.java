package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * NetLogs recorded from Debian's Chromium 156 loading the reference board's page (trimmed: handshake
 * bytes dropped, certificates replaced by a placeholder).
 */
class NetLogConnectionsTest {
    private static final Set<String> ROUND = Set.of("/dashboard.html", "/style.css");

    private static NetLogReader.Result read(String name) throws IOException {
        try (InputStream in = NetLogConnectionsTest.class.getResourceAsStream("/netlog/" + name)) {
            return NetLogReader.read(in, NetLogReader.CONNECTION_SOURCES::contains);
        }
    }

    @Test
    void anUntrustedBoardIsRejectedOnEverySocketWithTheAlertTheBrowserSent() throws Exception {
        List<ConnectionRecord> records = NetLogConnections.of(read("untrusted-rejected.json"), ROUND, null);

        // The browser preconnected a second socket while the first handshake ran; both were rejected.
        assertEquals(List.of(43008, 43014), records.stream().map(ConnectionRecord::localPort).toList());
        for (ConnectionRecord r : records) {
            assertEquals("127.0.0.1:18443", r.remote());
            assertEquals(Outcome.CERT_REJECTED, r.outcome(), r.outcomeDetail());
            assertTrue(r.outcomeDetail().contains("ERR_CERT_AUTHORITY_INVALID"), r.outcomeDetail());
            assertTrue(r.outcomeDetail().contains("sent alert fatal 46"), r.outcomeDetail());
            assertFalse(r.peerChain().isEmpty(), "the rejected chain is kept for the diagnosis");
            assertNotNull(r.handshakeMs());
            assertTrue(r.end() != null && !r.end().isBefore(r.start()));
        }
        assertEquals(List.of("c1", "c2"), records.stream().map(ConnectionRecord::id).toList());
        // The page request rode on the first socket and failed with it; the preconnect carried none.
        Exchange page = records.get(0).exchanges().get(0);
        assertEquals("/dashboard.html", page.path());
        assertNull(page.httpStatus());
        assertEquals(Outcome.CERT_REJECTED, page.outcome());
        assertTrue(records.get(1).exchanges().isEmpty());
    }

    @Test
    void aTrustedBoardLoadsPageAndStylesheetOnOneSocketBesideAnIdlePreconnect() throws Exception {
        List<ConnectionRecord> records = NetLogConnections.of(read("lab-ca-loaded.json"), ROUND, null);

        assertEquals(List.of(58164, 58176), records.stream().map(ConnectionRecord::localPort).toList());
        ConnectionRecord used = records.get(0);
        assertEquals(Outcome.OK, used.outcome(), used.outcomeDetail());
        assertEquals("TLSv1.2", used.tlsVersion());
        assertEquals("0xCCA9", used.cipherSuite());
        assertEquals(List.of("/dashboard.html", "/style.css", "/favicon.ico"),
                used.exchanges().stream().map(Exchange::path).toList());
        Exchange html = used.exchanges().get(0);
        assertEquals(200, html.httpStatus());
        assertEquals(18045L, html.contentLength());
        assertEquals(18045L, html.bytesReceived());
        assertEquals(Outcome.OK, html.outcome());
        Exchange css = used.exchanges().get(1);
        assertEquals(117208L, css.contentLength());
        assertEquals(117208L, css.bytesReceived());
        // The browser's own favicon request got a 404: recorded, but not a failure of the page.
        Exchange favicon = used.exchanges().get(2);
        assertEquals(404, favicon.httpStatus());
        assertEquals(Outcome.HTTP_ERROR, favicon.outcome());

        ConnectionRecord preconnect = records.get(1);
        assertEquals(Outcome.OK, preconnect.outcome());
        assertTrue(preconnect.exchanges().isEmpty());
    }

    @Test
    void aRequestedPathThatFailsFailsItsConnection() throws Exception {
        Set<String> withFavicon = Set.of("/dashboard.html", "/style.css", "/favicon.ico");
        ConnectionRecord used = NetLogConnections.of(read("lab-ca-loaded.json"), withFavicon, null).get(0);
        assertEquals(Outcome.HTTP_ERROR, used.outcome());
        assertEquals("HTTP 404", used.outcomeDetail());
    }

    @Test
    void aPageLoadTheNetworkChangeAbortedIsBlamedOnThatNotOnABrowserThatNeverAsked() throws Exception {
        // Recorded from Chromium 156 in a namespace of its own: a server that accepts and never answers, and an
        // address added to a new tap while both sockets were in their handshake.
        NetLogConnections log = NetLogConnections.read(read("network-changed-before-handshake.json"));
        List<ConnectionRecord> records = log.records(ROUND, null);
        assertEquals(List.of(46314, 46324), records.stream().map(ConnectionRecord::localPort).toList());
        assertTrue(records.stream().allMatch(r -> r.exchanges().isEmpty()), "no socket carried the page");

        List<Exchange> failed = log.failedWithoutSocket(ROUND);
        assertEquals(List.of("/dashboard.html"), failed.stream().map(Exchange::path).toList());
        assertEquals("ERR_NETWORK_CHANGED", failed.get(0).outcomeDetail());

        ConnectionRecord blamed = UnrequestedPaths.blame(records, ROUND, "/dashboard.html", failed).get(0);
        assertEquals(Outcome.ERROR, blamed.outcome());
        assertTrue(blamed.outcomeDetail().startsWith("the browser's request for /dashboard.html failed before a "
                + "connection carried it: ERR_NETWORK_CHANGED (the host's network addresses changed"), blamed.outcomeDetail());
        assertTrue(blamed.outcomeDetail().endsWith("; the browser never requested /style.css"), blamed.outcomeDetail());
    }

    @Test
    void aNetLogCutShortByAKilledBrowserStillYieldsWhatItHolds() throws Exception {
        byte[] whole;
        try (InputStream in = NetLogConnectionsTest.class.getResourceAsStream("/netlog/lab-ca-loaded.json")) {
            whole = in.readAllBytes();
        }
        String text = new String(whole, StandardCharsets.UTF_8);
        // Cut right after the first socket's handshake began: the browser was killed mid-handshake.
        int cut = text.indexOf("\n", text.indexOf("\"byte_count\": 539"));
        NetLogReader.Result log = NetLogReader.read(
                new ByteArrayInputStream(text.substring(0, cut).getBytes(StandardCharsets.UTF_8)),
                NetLogReader.CONNECTION_SOURCES::contains);

        assertFalse(log.complete());
        Instant killed = Instant.now();
        List<ConnectionRecord> records = NetLogConnections.of(log, ROUND, killed);
        assertEquals(58164, records.get(0).localPort());
        assertEquals(Outcome.TIMEOUT, records.get(0).outcome(), records.get(0).outcomeDetail());
        assertEquals(killed, records.get(0).end());
    }

    @Test
    void somethingElseIsNotANetLog() {
        assertThrows(IOException.class, () -> NetLogReader.read(
                new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8)), t -> true));
        assertThrows(IOException.class, () -> NetLogReader.read(
                new ByteArrayInputStream("{\"events\": []}".getBytes(StandardCharsets.UTF_8)), t -> true));
    }
}
