package io.hilharness.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.HostBoard;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.Trust;
import io.hilharness.cli.TestAccess;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.report.RunReports;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    /** The run's diagnosis.json finding of a rule, or null. */
    private static JsonNode finding(CampaignResult result, String rule) throws Exception {
        JsonNode diagnosis = Json.mapper().readTree(result.runDir().resolve("diagnosis.json").toFile());
        for (JsonNode f : diagnosis.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        return null;
    }

    /** The data of the journal's diagnosis record. */
    private static JsonNode journaledDiagnosis(CampaignResult result) throws Exception {
        JsonNode diagnosis = null;
        for (String line : Files.readAllLines(result.runDir().resolve("journal.jsonl"))) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.get("type").asText().equals("diagnosis")) {
                diagnosis = record.get("data");
            }
        }
        assertNotNull(diagnosis, "no diagnosis record in the journal");
        return diagnosis;
    }

    /** Every packet the finding cites, as "stream/from/what". */
    private static List<String> wireCited(JsonNode finding) {
        List<String> cited = new ArrayList<>();
        for (JsonNode item : finding.get("evidence")) {
            for (JsonNode w : item.get("wire")) {
                cited.add(w.get("stream").asInt() + "/" + w.get("from").asText() + "/" + w.get("what").asText());
            }
        }
        return cited;
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli hil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TestAccess.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static byte[] der(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded();
    }

    @Test
    void jsseRejectionOfASelfsignedChainIsAlert46FromClientToServerOnTheWire() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run("selfsigned", spec(FetchMode.SEQUENTIAL, 2), TrustOption.SYSTEM, new CampaignListener() { }).result();

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

        // the diagnosis cites the alert on the wire beside the board's console lines
        JsonNode rejected = finding(result, "certificate-rejected");
        assertNotNull(rejected, "no certificate-rejected finding");
        assertTrue(rejected.get("facts").get("on the wire").asText()
                .startsWith("client sent fatal alert 46 certificate_unknown in 4 of 4 captured rejected handshakes"),
                rejected.get("facts").toString());
        JsonNode example = rejected.get("evidence").get(0);
        int stream = onlyConversation(wire, clients.stream().filter(c -> c.id().equals(example.get("connection").asText()))
                .findFirst().orElseThrow()).stream();
        assertTrue(wireCited(rejected).contains(stream + "/client/fatal alert 46 certificate_unknown"), wireCited(rejected).toString());
        assertFalse(example.get("deviceLines").isEmpty(), "console lines beside the packets");
        assertTrue(report.contains("wire: tcp.stream " + stream + ", frame "), "the HTML findings cite the packets");
        assertEquals(Json.mapper().readTree(result.runDir().resolve("diagnosis.json").toFile()), journaledDiagnosis(result),
                "the journal's diagnosis record is the run's diagnosis, wire facts included");

        // the certificate doctor on the capture: the chain on the wire is what every client recorded
        for (Path capture : List.of(result.runDir(), result.runDir().resolve(WireCapture.PCAP))) {
            Cli doctor = hil("certs", "doctor", "--capture", capture.toString(), "--json");
            assertEquals(1, doctor.exit(), doctor.err() + doctor.out());
            JsonNode json = Json.mapper().readTree(doctor.out());
            List<String> wireFindings = new ArrayList<>();
            json.get("findings").forEach(f -> {
                if (f.get("check").asText().equals("wire")) {
                    wireFindings.add(f.get("severity").asText() + " " + f.get("message").asText());
                }
            });
            assertTrue(wireFindings.contains("INFO the chain the client recorded is the Certificate message on the wire, "
                    + "byte for byte, in 4 of 4 connections (tcp.stream 0, 1, 2, 3)"), wireFindings.toString());
            assertTrue(wireFindings.stream().noneMatch(f -> f.startsWith("ERROR") || f.startsWith("WARNING")), wireFindings.toString());
            // and it is exactly the image's chain file
            Cli againstFile = hil("certs", "doctor", layout.builtImage("selfsigned").resolve("certs/chain.pem").toString(),
                    "--capture", capture.toString());
            assertTrue(againstFile.out().contains("is the chain examined, byte for byte"), againstFile.err() + againstFile.out());
        }
        // a chain that is not the one on the wire is named, with the certificate that differs
        Path other = runs.resolve("other.pem");
        Files.writeString(other, io.hilharness.certs.PemCertificates.encode(io.hilharness.certs.LabPki.selfSignedLeaf(
                new io.hilharness.certs.ServerIdentity("not-the-board", List.of("127.0.0.1"), List.of())).leaf()));
        Cli mismatch = hil("certs", "doctor", other.toString(), "--capture", result.runDir().toString());
        assertEquals(1, mismatch.exit());
        assertTrue(mismatch.out().contains("is not the chain examined: certificate #0 differs"), mismatch.out());
    }

    @Test
    void tinyHeapCutsParallelConnectionsAndTheWireShowsWhoClosed() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run("tiny-heap", spec(FetchMode.PARALLEL, 3), TrustOption.IMAGE, new CampaignListener() { }).result();

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

        // the diagnosis: the board reset connections whose ClientHello it never answered, citing the packets
        long dropped = failed.stream().map(c -> onlyConversation(wire, c))
                .filter(w -> w.resetBy().contains(Side.SERVER) && w.bytesServerToClient() == 0).count();
        assertTrue(dropped >= io.hilharness.diagnose.rules.ServerResetRule.MIN_CONNECTIONS, wire.conversations().toString());
        JsonNode reset = finding(result, "server-reset");
        assertNotNull(reset, "no server-reset finding for " + dropped + " dropped connections");
        assertTrue(reset.get("facts").get("client's last record before the reset").asText().contains("ClientHello"),
                reset.get("facts").toString());
        // "(first to close)" follows when the RST was the board's first close
        assertTrue(wireCited(reset).stream().anyMatch(w -> w.contains("/board/RST")), wireCited(reset).toString());
        assertTrue(wireCited(reset).stream().anyMatch(w -> w.endsWith("/client/ClientHello")), wireCited(reset).toString());
        assertTrue(reset.get("evidence").get(0).get("deviceLines").toString().contains("alloc("),
                "the board's out-of-memory line beside the packets: " + reset.get("evidence").get(0));
        assertTrue(report.contains("server-reset: The board dropped "), "the HTML report's findings");
    }

    @Test
    void partialWriteShowsTheBoardClosingMidBodyOnTheWire() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run("partial-write", spec(FetchMode.SEQUENTIAL, 1), TrustOption.IMAGE, new CampaignListener() { }).result();

        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertTrue(wire.captured(), wire.reason());
        ConnectionRecord css = connections(result).stream()
                .filter(c -> c.exchanges().stream().anyMatch(e -> e.path().equals("/style.css"))).findFirst().orElseThrow();
        assertEquals(Outcome.TRUNCATED, css.outcome(), css.outcomeDetail());
        WireConversation conversation = onlyConversation(wire, css);
        assertEquals(Side.SERVER, conversation.closedBy(), conversation.summary());

        JsonNode closed = finding(result, "closed-mid-body");
        assertNotNull(closed, "no closed-mid-body finding");
        assertTrue(closed.get("rootCause").asText().contains("although it logged the whole response as sent"),
                closed.get("rootCause").asText());
        assertTrue(wireCited(closed).contains(conversation.stream() + "/board/" + conversation.closeKind() + " (first to close)"),
                wireCited(closed).toString());
        assertTrue(closed.get("evidence").get(0).get("deviceLines").toString().contains("sent 117208 bytes of /style.css"),
                closed.get("evidence").toString());
    }

    /**
     * No reference image changes its certificate by itself, so the bench does what a provisioning step
     * in the field does: between boot 1 and boot 2 the flasher installs the same image with a newly
     * issued certificate, and the soft reset boots it.
     */
    @Test
    void aCertificateReissuedBetweenBootsIsFoundOnTheWire() throws Exception {
        FirmwareImage first = new ImageBuilder(layout).build("selfsigned");
        Path copy = runs.resolve("selfsigned-reissued");
        io.hilharness.image.FileTrees.copy(first.dir(), copy);
        LabPki.selfSigned("selfsigned", List.of("127.0.0.1"), List.of()).writeTo(copy.resolve("certs"), true);
        FirmwareImage reissued = FirmwareImage.load(copy);
        CampaignSpec twoBoots = new CampaignSpec(2, 1, FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of("/dashboard.html", "/style.css"), 6, Duration.ofSeconds(20), Duration.ofSeconds(10));
        CampaignResult result = capturedCampaign(first, twoBoots, board -> new CampaignListener() {
            @Override
            public void roundDone(RoundRecord round) {
                if (round.boot() == 1) {
                    try {
                        board.flasher().flash(reissued);
                    } catch (BoardException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        JsonNode changed = finding(result, "certificate-changed");
        assertNotNull(changed, "no certificate-changed finding");
        String boot1 = changed.get("facts").get("boot 1").asText();
        String boot2 = changed.get("facts").get("boot 2").asText();
        assertTrue(boot1.startsWith("leaf 'CN=selfsigned' serial " + serial(first)), boot1);
        assertTrue(boot2.startsWith("leaf 'CN=selfsigned' serial " + serial(reissued)), boot2);
        assertEquals(2, changed.get("evidence").size(), "one connection per chain");
        List<String> cited = wireCited(changed);
        assertEquals(2, cited.size(), cited.toString());
        for (String packet : cited) {
            // the board's segment that carried the Certificate message (alone or in one flight with ServerHello)
            assertTrue(packet.contains("/board/") && packet.matches(".*\\bCertificate\\b.*"), packet);
        }
    }

    /** A captured campaign on an image folder of the test's own (ReferenceBoardRunner takes image names). */
    private CampaignResult capturedCampaign(FirmwareImage image, CampaignSpec spec, Function<Board, CampaignListener> listener)
            throws Exception {
        RunFolder run = RunFolder.create(runs, image.name());
        try (Board board = HostBoard.create("reference-" + image.name(), run.boardDir(), 0, run.consoleCapture(), Optional.empty())) {
            WireCapture wire = WireCapture.start(CaptureSettings.loopback(), board.endpoint(), run.dir());
            HttpsDriver driver = HttpsDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                    .trust(Trust.system()).mode(spec.mode()).callTimeout(spec.fetchTimeout()).build();
            CampaignResult result;
            try {
                result = new Campaign(spec, board, image, driver, run, listener.apply(board)).run();
            } finally {
                wire.finish();
            }
            RunReports.write(result, run);
            return result;
        }
    }

    /** The board's own hexdump of its Certificate message (mbedTLS debug level 4) is the message on the wire. */
    @Test
    void theBoardsHexdumpOfItsCertificateMessageIsTheMessageOnTheWire() throws Exception {
        FirmwareImage built = new ImageBuilder(layout).build("selfsigned");
        Path copy = runs.resolve("selfsigned-debug4");
        io.hilharness.image.FileTrees.copy(built.dir(), copy);
        Path manifest = copy.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("(?m)^debug_threshold: \\d+$", "debug_threshold: 4"));
        CampaignResult result = capturedCampaign(FirmwareImage.load(copy), spec(FetchMode.SEQUENTIAL, 1), board -> new CampaignListener() { });

        Cli doctor = hil("certs", "doctor", "--capture", result.runDir().toString(),
                "--device-log", result.runDir().resolve("console.raw").toString(), "--json");
        JsonNode json = Json.mapper().readTree(doctor.out());
        List<String> wireFindings = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("check").asText().equals("wire")) {
                wireFindings.add(f.get("severity").asText() + " " + f.get("message").asText());
            }
        });
        assertTrue(wireFindings.stream().anyMatch(f -> f.startsWith("INFO the Certificate message on the wire (tcp.stream 0, 1)"
                + " is what the board's hexdump shows, byte for byte")), doctor.err() + wireFindings);
        assertTrue(wireFindings.stream().noneMatch(f -> f.startsWith("ERROR")), wireFindings.toString());
        // against another board's dump the certificate that differs is named
        Path otherLog = layout.root().resolve("fixtures/devlog/refboard-mbedtls-ports.log");
        Cli other = hil("certs", "doctor", "--capture", result.runDir().toString(), "--device-log", otherLog.toString());
        assertEquals(1, other.exit(), other.err() + other.out());
        assertTrue(other.out().contains("is not what the board's log says it sent: certificate #0 differs"), other.out());
    }

    private static String serial(FirmwareImage image) throws Exception {
        return io.hilharness.certs.PemCertificates.read(image.dir().resolve(image.manifest().certChain())).get(0)
                .getSerialNumber().toString(16);
    }

    @Test
    void withoutDumpcapTheCampaignRunsAndWireJsonSaysWhy() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .withCapture(Optional.of(CaptureSettings.loopback().withDumpcap("/nonexistent/dumpcap")))
                .run("lab-ca", spec(FetchMode.SEQUENTIAL, 1), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed());
        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertFalse(wire.captured());
        assertTrue(wire.reason().contains("/nonexistent/dumpcap"), wire.reason());
        assertFalse(Files.exists(result.runDir().resolve(WireCapture.PCAP)));
        assertTrue(Files.readString(result.runDir().resolve("report.html")).contains("wire: no capture: cannot start /nonexistent/dumpcap"));
    }
}
