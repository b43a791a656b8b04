package io.hilharness.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.ServerCredential;
import io.hilharness.certs.Trust;
import io.hilharness.client.LoopbackHttpsServer.Behavior;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a real TLS server on 127.0.0.1: nothing under test is mocked. */
class HttpsDriverTest {

    private static final byte[] BODY = "<html>dashboard of a bench board</html>\n".repeat(100)
            .getBytes(StandardCharsets.US_ASCII);
    private static final String BODY_SHA256 = sha256(BODY);
    private static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private LoopbackHttpsServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private HttpsDriver.Builder driverFor(ServerCredential credential, Behavior behavior) throws Exception {
        server = LoopbackHttpsServer.start(credential, behavior, BODY);
        return HttpsDriver.builder("127.0.0.1", server.port())
                .trust(Trust.caFile(BenchPki.writeRoot(dir)))
                .timeouts(FAST)
                .expectedDigests(Map.of("/dashboard.html", BODY_SHA256, "/style.css", BODY_SHA256));
    }

    private static ConnectionRecord only(List<ConnectionRecord> records) {
        assertEquals(1, records.size(), () -> "expected one connection, got " + records);
        return records.get(0);
    }

    @Test
    void sequentialRoundWithLabCaIsOkOnFreshConnections() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE).build();

        List<ConnectionRecord> records = driver.runRound(List.of("/dashboard.html", "/style.css"));

        assertEquals(2, records.size());
        assertEquals(server.clientPorts(), records.stream().map(ConnectionRecord::localPort).toList(),
                "each recorded local port is the source port the server saw, in order");
        for (ConnectionRecord record : records) {
            assertEquals(Outcome.OK, record.outcome(), record::toString);
            assertEquals("127.0.0.1:" + server.port(), record.remote());
            assertEquals("TLSv1.2", record.tlsVersion());
            assertNotNull(record.cipherSuite());
            assertNotNull(record.connectMs());
            assertNotNull(record.handshakeMs());
            assertFalse(record.end().isBefore(record.start()));
            assertEquals(BenchPki.pemChain(BenchPki.LOOPBACK), record.peerChain());
            Exchange exchange = record.exchanges().get(0);
            assertEquals(1, record.exchanges().size());
            assertEquals(200, exchange.httpStatus());
            assertEquals(BODY.length, exchange.contentLength());
            assertEquals(BODY.length, exchange.bytesReceived());
            assertEquals(Boolean.TRUE, exchange.digestOk());
        }
        assertEquals(List.of("/dashboard.html", "/style.css"),
                records.stream().map(r -> r.exchanges().get(0).path()).toList());
    }

    @Test
    void selfSignedLeafIsRejectedAndItsChainAndPortAreRecorded() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.SELF_SIGNED, Behavior.SERVE).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.CERT_REJECTED, record.outcome());
        assertTrue(record.outcomeDetail().startsWith("PKIX path building failed"), record.outcomeDetail());
        assertTrue(record.outcomeDetail().contains("unable to find valid certification path"), record.outcomeDetail());
        assertEquals(BenchPki.pemChain(BenchPki.SELF_SIGNED), record.peerChain());
        assertEquals(server.clientPorts(), List.of(record.localPort()), "port of a failed handshake");
        assertEquals("TLSv1.2", record.tlsVersion(), "known from the handshake session even when rejected");
        assertNotNull(record.handshakeMs());
        assertNull(record.exchanges().get(0).httpStatus());
    }

    @Test
    void systemTrustRejectsTheLabChainAsABrowserWould() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE).trust(Trust.system()).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.CERT_REJECTED, record.outcome());
        assertTrue(record.outcomeDetail().contains("certification path"), record.outcomeDetail());
        assertEquals(BenchPki.pemChain(BenchPki.LOOPBACK), record.peerChain());
        assertEquals(server.clientPorts(), List.of(record.localPort()));
    }

    @Test
    void pinnedCertificateAcceptsTheSelfSignedLeafAndAWrongPinRejectsIt() throws Exception {
        HttpsDriver pinned = driverFor(BenchPki.SELF_SIGNED, Behavior.SERVE)
                .trust(Trust.pinnedCertificate(BenchPki.writeSelfSignedLeaf(dir))).build();
        assertEquals(Outcome.OK, only(pinned.runRound(List.of("/dashboard.html"))).outcome());

        HttpsDriver wrongPin = HttpsDriver.builder("127.0.0.1", server.port()).timeouts(FAST)
                .trust(Trust.pinnedSpki("00".repeat(32))).build();
        ConnectionRecord rejected = only(wrongPin.runRound(List.of("/dashboard.html")));
        assertEquals(Outcome.CERT_REJECTED, rejected.outcome());
        assertTrue(rejected.outcomeDetail().contains("does not match the pin"), rejected.outcomeDetail());
    }

    @Test
    void leafForAnotherAddressIsAHostnameMismatch() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.OTHER_HOST, Behavior.SERVE).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.HOSTNAME_MISMATCH, record.outcome());
        assertTrue(record.outcomeDetail().contains("127.0.0.1"), record.outcomeDetail());
        assertEquals(BenchPki.pemChain(BenchPki.OTHER_HOST), record.peerChain());
        assertEquals(server.clientPorts(), List.of(record.localPort()));
    }

    @Test
    void shortBodyIsTruncated() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.TRUNCATE_BODY).build()
                .runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.TRUNCATED, record.outcome(), record::toString);
        Exchange exchange = record.exchanges().get(0);
        assertEquals(BODY.length, exchange.contentLength());
        assertEquals(BODY.length / 2, exchange.bytesReceived());
        assertNull(exchange.digestOk(), "an incomplete body is not compared");
    }

    @Test
    void notFoundIsAnHttpError() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.NOT_FOUND).build()
                .runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.HTTP_ERROR, record.outcome());
        assertEquals(404, record.exchanges().get(0).httpStatus());
    }

    @Test
    void wrongExpectedDigestIsCorrupt() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE)
                .expectedDigests(Map.of("/dashboard.html", sha256(new byte[] {1}))).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.CORRUPT, record.outcome());
        assertEquals(Boolean.FALSE, record.exchanges().get(0).digestOk());
        assertEquals(BODY.length, record.exchanges().get(0).bytesReceived());
    }

    @Test
    void closedPortIsRefusedAndStillHasALocalPort() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            closedPort = probe.getLocalPort();
        }
        HttpsDriver driver = HttpsDriver.builder("127.0.0.1", closedPort).timeouts(FAST)
                .trust(Trust.caFile(BenchPki.writeRoot(dir))).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.REFUSED, record.outcome(), record::toString);
        assertTrue(record.localPort() > 0, "source port is bound before the SYN");
        assertNull(record.connectMs());
        assertNull(record.handshakeMs());
    }

    @Test
    void closeWithoutResponseIsReset() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.CLOSE_WITHOUT_RESPONSE).build()
                .runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.RESET, record.outcome(), record::toString);
        assertTrue(record.outcomeDetail().startsWith("closed by peer before a response"), record.outcomeDetail());
    }

    @Test
    void tcpResetIsReset() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.RESET_AFTER_REQUEST).build()
                .runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.RESET, record.outcome(), record::toString);
        assertTrue(record.outcomeDetail().toLowerCase().contains("connection reset"), record.outcomeDetail());
    }

    @Test
    void silentServerTimesOut() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.STALL)
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(10)))
                .build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.TIMEOUT, record.outcome(), record::toString);
    }

    @Test
    void serverWithoutASharedCipherSuiteSendsAnAlert() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.NO_SHARED_CIPHER).build()
                .runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.SERVER_ALERT, record.outcome(), record::toString);
        assertEquals("handshake_failure", record.outcomeDetail());
        assertTrue(record.peerChain().isEmpty(), "the server never got to send its chain");
        assertEquals(server.clientPorts(), List.of(record.localPort()));
    }

    @Test
    void parallelRoundUsesOneFreshConnectionPerRequestWithinTheLimit() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE)
                .mode(FetchMode.PARALLEL).maxParallel(3).build();
        List<String> paths = List.of("/dashboard.html", "/style.css", "/dashboard.html", "/style.css",
                "/dashboard.html", "/style.css", "/dashboard.html");

        List<ConnectionRecord> records = driver.runRound(paths);

        assertEquals(paths.size(), records.size());
        Set<Integer> ports = records.stream().map(ConnectionRecord::localPort).collect(Collectors.toSet());
        assertEquals(paths.size(), ports.size(), "distinct source ports");
        assertEquals(new HashSet<>(server.clientPorts()), ports);
        assertTrue(records.stream().allMatch(r -> r.outcome() == Outcome.OK && r.exchanges().size() == 1));
        assertTrue(maxOverlap(records) <= 3, "at most maxParallel connections open at once");
        assertEquals(paths.size(), records.stream().map(ConnectionRecord::id).distinct().count());
    }

    @Test
    void parallelRoundReallyOpensItsConnectionsAtOnce() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE)
                .mode(FetchMode.PARALLEL).maxParallel(3).build();
        server.holdResponsesUntil(3);

        List<ConnectionRecord> records = driver.runRound(List.of("/dashboard.html", "/style.css", "/dashboard.html"));

        assertTrue(records.stream().allMatch(r -> r.outcome() == Outcome.OK), records::toString);
        assertEquals(3, maxOverlap(records), "all three were open together");
        assertTrue(records.stream().allMatch(r -> r.exchanges().get(0).ms() < 5_000),
                "no request waited for the server's hold to expire");
    }

    @Test
    void keepAliveRoundUsesOneConnectionAndRoundsDoNotShareIt() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.SERVE).mode(FetchMode.KEEPALIVE).build();

        ConnectionRecord first = only(driver.runRound(List.of("/dashboard.html", "/style.css")));
        ConnectionRecord second = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.OK, first.outcome());
        assertEquals(List.of("/dashboard.html", "/style.css"), first.exchanges().stream().map(Exchange::path).toList());
        assertEquals(2, server.connections().size(), "one connection per round");
        assertEquals(List.of("/dashboard.html", "/style.css"), server.connections().get(0).paths);
        assertEquals(List.of(first.localPort(), second.localPort()), server.clientPorts());
        assertEquals(BenchPki.pemChain(BenchPki.LOOPBACK), second.peerChain());
    }

    @Test
    void callTimeoutEndsAStalledCallAsTimeout() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.STALL)
                .callTimeout(Duration.ofMillis(400)).build();

        ConnectionRecord record = only(driver.runRound(List.of("/dashboard.html")));

        assertEquals(Outcome.TIMEOUT, record.outcome(), record::toString);
        assertEquals(server.clientPorts(), List.of(record.localPort()));
    }

    @Test
    void keepAliveAgainstABoardThatClosesGetsOneConnectionPerRequest() throws Exception {
        HttpsDriver driver = driverFor(BenchPki.LOOPBACK, Behavior.ONE_REQUEST_PER_CONNECTION)
                .mode(FetchMode.KEEPALIVE).build();

        List<ConnectionRecord> records = driver.runRound(List.of("/dashboard.html", "/style.css"));

        assertEquals(2, records.size(), records::toString);
        assertTrue(records.stream().allMatch(r -> r.outcome() == Outcome.OK && r.exchanges().size() == 1));
        assertEquals(server.clientPorts(), records.stream().map(ConnectionRecord::localPort).toList());
    }

    @Test
    void recordsCarryTheCallersContext() throws Exception {
        ConnectionRecord record = only(driverFor(BenchPki.LOOPBACK, Behavior.SERVE).build()
                .runRound(List.of("/dashboard.html")));

        ConnectionRecord placed = record.withContext(3, 7, "b3-r7-c1");

        assertEquals(3, placed.boot());
        assertEquals(7, placed.round());
        assertEquals("b3-r7-c1", placed.id());
        assertEquals(record.localPort(), placed.localPort());
        assertNull(record.boot());
    }

    /** Most connections open at the same instant, from the records' start and end times. */
    private static int maxOverlap(List<ConnectionRecord> records) {
        List<long[]> events = new ArrayList<>();
        for (ConnectionRecord r : records) {
            events.add(new long[] {nanos(r.start()), 1});
            events.add(new long[] {nanos(r.end()), -1});
        }
        // On a tie the close counts first: a connection that ends as the next starts did not overlap it.
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int open = 0;
        int max = 0;
        for (long[] event : events) {
            open += (int) event[1];
            max = Math.max(max, open);
        }
        return max;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
