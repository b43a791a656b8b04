package io.hilharness.cli;

import io.hilharness.capture.CaptureSettings;
import io.hilharness.capture.CaptureUnavailableException;
import io.hilharness.capture.WireCapture;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.capture.WireReader;
import io.hilharness.capture.WireRecord;
import io.hilharness.certs.doctor.WireChain;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.run.RunFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server Certificate messages of a run's packet capture, for {@code hil certs doctor --capture}:
 * from a run folder or its wire.json, or read afresh from its capture.pcapng with tshark; each joined
 * with the chain the client of that connection recorded in the run's journal.
 */
final class CapturedChains {
    private static final Duration TSHARK_TIMEOUT = Duration.ofSeconds(60);

    private CapturedChains() {
    }

    /** @param capture a run folder, its wire.json, or its capture.pcapng */
    static List<WireChain> read(Path capture) throws IOException, InterruptedException {
        Path runDir = Files.isDirectory(capture) ? capture : capture.toAbsolutePath().getParent();
        WireEvidence wire = WireEvidence.read(runDir).orElseThrow(() -> new IOException("--capture: " + runDir
                + " holds no " + WireEvidence.FILE + " (was the run made with hil run --capture?)"));
        if (!wire.captured()) {
            throw new IOException("--capture: " + runDir.resolve(WireEvidence.FILE) + " says there is no capture: " + wire.reason());
        }
        List<WireConversation> conversations = wire.conversations();
        if (Files.isRegularFile(capture) && !capture.getFileName().toString().equals(WireEvidence.FILE)) {
            // a pcapng: read the packets themselves, decoding the board's port as TLS
            try {
                conversations = new WireReader(CaptureSettings.loopback().tshark(), TSHARK_TIMEOUT)
                        .read(capture, wire.boardPort());
            } catch (CaptureUnavailableException e) {
                throw new IOException("--capture: " + e.getMessage(), e);
            }
        }
        List<ConnectionFacts> clients = Files.isRegularFile(RunFolder.stored(new RunFolder(runDir).journal()))
                ? JournalEvidence.read(runDir).connections() : List.of();
        List<WireChain> chains = new ArrayList<>();
        for (WireConversation c : conversations) {
            if (c.serverCertificates().isEmpty()) {
                continue;
            }
            List<X509Certificate> onWire = new ArrayList<>();
            for (byte[] der : c.serverCertificatesDer()) {
                onWire.add(parse(new ByteArrayInputStream(der), "tcp.stream " + c.stream()));
            }
            chains.add(new WireChain(c.stream(), c.clientPort(), c.certificateRecord().map(WireRecord::frame).orElse(null),
                    onWire, clientSaw(c, clients)));
        }
        if (chains.isEmpty()) {
            throw new IOException("--capture: no server Certificate message in " + (Files.isDirectory(capture)
                    ? capture.resolve(WireCapture.PCAP) : capture) + " (" + conversations.size() + " TCP streams)");
        }
        return chains;
    }

    /** The Certificate message most connections got, byte for byte (normally the only one). */
    static List<X509Certificate> mostCommon(List<WireChain> chains) {
        Map<String, List<WireChain>> byMessage = new LinkedHashMap<>();
        for (WireChain c : chains) {
            byMessage.computeIfAbsent(c.onWire().stream().map(CapturedChains::hex).collect(Collectors.joining(",")),
                    k -> new ArrayList<>()).add(c);
        }
        return byMessage.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow().get(0).onWire();
    }

    private static String hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return "";
        }
    }

    /** The chain the client of this connection recorded: same port, the connect nearest the stream's start. */
    private static List<X509Certificate> clientSaw(WireConversation c, List<ConnectionFacts> clients) throws IOException {
        ConnectionRecord client = clients.stream().map(ConnectionFacts::client)
                .filter(r -> r.localPort() == c.clientPort() && !r.peerChain().isEmpty())
                .min(Comparator.comparing(r -> r.start() == null || c.start() == null ? Duration.ZERO
                        : Duration.between(r.start(), c.start()).abs()))
                .orElse(null);
        if (client == null) {
            return null;
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String pem : client.peerChain()) {
            chain.add(parse(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)), "connection " + client.id()));
        }
        return chain;
    }

    private static X509Certificate parse(ByteArrayInputStream in, String where) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException("--capture: " + where + ": a certificate that does not parse (" + e.getMessage() + ")", e);
        }
    }
}
