package io.hilharness.certs.doctor;

import io.hilharness.certs.PemCertificates;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.TrustConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * Captures a server's chain exactly as sent, with the harness's own HTTPS driver: its trust manager records
 * the chain before the (real, never trust-all) trust decision, so a rejected chain is captured too.
 */
public final class LiveCapture {

    private LiveCapture() {
    }

    /** The chain a live endpoint sent and what a client with this trust made of it. */
    public record Captured(List<X509Certificate> chain, LiveHandshake handshake) {
    }

    /**
     * One HTTPS request for "/" on a fresh connection.
     *
     * @throws IOException when no chain arrived (nothing listening, not TLS, timeout): one line naming the endpoint
     */
    public static Captured capture(String host, int port, TrustSource trust, Duration timeout)
            throws IOException, InterruptedException {
        Path trustPem = null;
        try {
            TrustConfig config = TrustConfig.system();
            if (trust.kind() != TrustSource.Kind.SYSTEM) {
                // The driver reads PEM trust files; the doctor also takes DER, so hand it a PEM copy.
                trustPem = Files.createTempFile("hil-doctor-trust", ".pem");
                Files.writeString(trustPem, PemCertificates.encodeAll(trust.anchors()), StandardCharsets.US_ASCII);
                config = trust.kind() == TrustSource.Kind.PINNED
                        ? TrustConfig.pinnedCertificate(trustPem) : TrustConfig.caFile(trustPem);
            }
            HttpsDriver driver = HttpsDriver.builder(host, port).trust(config).callTimeout(timeout).build();
            List<ConnectionRecord> records = driver.runRound(List.of("/"));
            String endpoint = host + ":" + port;
            if (records.isEmpty()) {
                throw new IOException(endpoint + ": no connection was made");
            }
            ConnectionRecord record = records.get(0);
            if (record.peerChain().isEmpty()) {
                throw new IOException(endpoint + ": no certificate received (" + switch (record.outcome()) {
                    case REFUSED -> "connection refused: nothing listens there";
                    case TIMEOUT -> "timed out";
                    default -> record.outcome() + (record.outcomeDetail() == null ? "" : ": " + record.outcomeDetail());
                } + ")");
            }
            LiveHandshake handshake = new LiveHandshake(endpoint, record.outcome().name(),
                    record.outcomeDetail(), record.tlsVersion(), record.cipherSuite());
            return new Captured(parse(record.peerChain()), handshake);
        } finally {
            if (trustPem != null) {
                Files.deleteIfExists(trustPem);
            }
        }
    }

    private static List<X509Certificate> parse(List<String> pems) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (String pem : pems) {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                chain.add(converter.getCertificate((X509CertificateHolder) parser.readObject()));
            } catch (java.security.cert.CertificateException | ClassCastException e) {
                throw new IOException("the server sent a certificate that does not parse: " + e.getMessage(), e);
            }
        }
        return chain;
    }
}
