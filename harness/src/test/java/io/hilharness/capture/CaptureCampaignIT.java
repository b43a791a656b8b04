package io.hilharness.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.CampaignSpec;
import io.hilharness.campaign.ReferenceBoardCampaign;
import io.hilharness.campaign.RoundRecord;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.image.ProjectLayout;
import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns against the reference board on loopback with the packet capture on. */
class CaptureCampaignIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private static CampaignSpec spec(FetchMode mode, int rounds) {
        return new CampaignSpec(1, rounds, mode, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    private static List<ConnectionRecord> connections(CampaignResult result) {
        return result.rounds().stream().flatMap(r -> r.connections().stream()).map(CorrelatedConnection::client).toList();
    }

    private static WireConversation onlyConversation(WireEvidence wire, ConnectionRecord c) {
        List<WireConversation> found = wire.forPort(c.localPort());
        assertEquals(1, found.size(), () -> "port " + c.localPort() + " in " + wire.conversations());
        return found.get(0);
    }

    private static byte[] der(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded();
    }

    @Test
    void jsseRejectionOfASelfsignedChainIsAlert46FromClientToServerOnTheWire() throws Exception {
        CampaignResult result = new ReferenceBoardCampaign(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run("selfsigned", spec(FetchMode.SEQUENTIAL, 2), "system", new CampaignListener() { });

        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertTrue(wire.captured(), wire.reason());
        assertEquals(null, wire.reason(), "capture proven complete");
        assertTrue(Files.size(result.runDir().resolve(WireCapture.PCAP)) > 0);
        List<ConnectionRecord> clients = connections(result);
        assertEquals(4, clients.size());
        for (ConnectionRecord c : clients) {
            assertEquals(Outcome.CERT_REJECTED, c.outcome(), c.outcomeDetail());
            WireConversation conversation = onlyConversation(wire, c);
            List<WireRecord> alerts = conversation.alerts(Direction.CLIENT_TO_SERVER);
            assertEquals(1, alerts.size(), conversation.summary());
            assertEquals(46, alerts.get(0).alertDescription(), conversation.summary());
            assertEquals(2, alerts.get(0).alertLevel());
            assertTrue(conversation.alerts(Direction.SERVER_TO_CLIENT).isEmpty(), conversation.summary());
            // the server's flight carried its Certificate (11), and it is the chain the client recorded
            assertTrue(conversation.records().stream().anyMatch(r -> r.direction() == Direction.SERVER_TO_CLIENT
                    && r.handshakeTypes().contains(11)), conversation.summary());
            // the Certificate message on the wire is exactly the chain the client recorded
            List<byte[]> onTheWire = conversation.serverCertificatesDer();
            assertEquals(c.peerChain().size(), onTheWire.size());
            for (int i = 0; i < onTheWire.size(); i++) {
                assertArrayEquals(der(c.peerChain().get(i)), onTheWire.get(i), "certificate " + i);
            }
        }
        assertEquals(clients.size(), wire.conversations().size(), "no connections on the wire beyond the client's");
        String report = Files.readString(result.runDir().resolve("report.html"));
        assertTrue(report.contains("client &rarr; board</td><td><span class=\"fail-text\">fatal alert 46 certificate_unknown"), "report shows the alert on the wire");
    }

    @Test
    void tinyHeapCutsParallelConnectionsAndTheWireShowsWhoClosed() throws Exception {
        CampaignResult result = new ReferenceBoardCampaign(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run("tiny-heap", spec(FetchMode.PARALLEL, 3), "image", new CampaignListener() { });

        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertTrue(wire.captured(), wire.reason());
        List<ConnectionRecord> clients = connections(result);
        List<ConnectionRecord> failed = clients.stream().filter(c -> c.outcome() != Outcome.OK).toList();
        assertFalse(failed.isEmpty(), "tiny-heap cut no parallel connection");
        for (ConnectionRecord c : clients) {
            WireConversation conversation = onlyConversation(wire, c);
            boolean serverHello = conversation.records().stream()
                    .anyMatch(r -> r.direction() == Direction.SERVER_TO_CLIENT && r.handshakeTypes().contains(2));
            if (c.outcome() == Outcome.OK) {
                assertTrue(serverHello, conversation.summary());
            } else if (!serverHello) {
                // a session the board could not set up: it closes on the unread ClientHello (FIN, then RST)
                assertEquals(Side.SERVER, conversation.closedBy(), conversation.summary());
                assertTrue(conversation.resetBy().contains(Side.SERVER), conversation.summary());
                assertTrue(conversation.bytesClientToServer() > 0, "the ClientHello went out: " + conversation.summary());
                assertEquals(0, conversation.bytesServerToClient(), conversation.summary());
            }
        }
        assertTrue(failed.stream().map(c -> onlyConversation(wire, c))
                .anyMatch(w -> w.closedBy() == Side.SERVER), wire.conversations().toString());
        String report = Files.readString(result.runDir().resolve("report.html"));
        assertTrue(report.contains("closed first by the board (FIN), RST from board"), "report shows the close/RST pattern");
    }

    @Test
    void withoutDumpcapTheCampaignRunsAndWireJsonSaysWhy() throws Exception {
        CampaignResult result = new ReferenceBoardCampaign(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback().withDumpcap("/nonexistent/dumpcap")))
                .run("lab-ca", spec(FetchMode.SEQUENTIAL, 1), "image", new CampaignListener() { });

        assertTrue(result.allPassed());
        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertFalse(wire.captured());
        assertTrue(wire.reason().contains("/nonexistent/dumpcap"), wire.reason());
        assertFalse(Files.exists(result.runDir().resolve(WireCapture.PCAP)));
        assertTrue(Files.readString(result.runDir().resolve("report.html")).contains("wire: no capture: cannot start /nonexistent/dumpcap"));
    }
}
