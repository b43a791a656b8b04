package io.hilharness.certs.doctor;

import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.Trust;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.FetchSettings;
import io.hilharness.client.HttpsClients;
import io.hilharness.client.HttpsDriver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
    public static Captured capture(String host, int port, Trust trust, Duration timeout)
            throws IOException, InterruptedException {
        HttpsDriver driver = HttpsClients.forBoard(InetSocketAddress.createUnresolved(host, port),
                new FetchSettings(FetchMode.SEQUENTIAL, 1, timeout), trust, Map.of());
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
    }

    private static List<X509Certificate> parse(List<String> pems) throws IOException {
        try {
            return PemCertificates.decode(pems);
        } catch (CertificateException e) {
            throw new IOException("the server sent a certificate that does not parse: " + e.getMessage(), e);
        }
    }
}
