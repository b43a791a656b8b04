package io.hilharness.client;

import io.hilharness.certs.PemCertificates;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Collects what happens to one socket while it lives; the socket, the trust manager and the event
 * listener each fill in their part from different threads, hence the synchronisation.
 */
final class ConnectionRecorder {

    private final String id;
    private final String remote;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    private int localPort = -1;
    private Long connectMs;
    private long handshakeStartNanos = -1;
    private Long handshakeMs;
    private String tlsVersion;
    private String cipherSuite;
    private List<String> peerChain = List.of();
    private final List<Exchange> exchanges = new ArrayList<>();
    private Classification connectFailure;
    private Instant end;

    ConnectionRecorder(String id, String remote) {
        this.id = id;
        this.remote = remote;
    }

    synchronized void bound(int port) {
        localPort = port;
    }

    synchronized int localPort() {
        return localPort;
    }

    synchronized void tcpConnected() {
        connectMs = millisSince(startNanos);
    }

    synchronized void handshakeStarted() {
        handshakeStartNanos = System.nanoTime();
    }

    synchronized void handshakeEnded(String tlsVersion, String cipherSuite) {
        if (handshakeStartNanos >= 0 && handshakeMs == null) {
            handshakeMs = millisSince(handshakeStartNanos);
        }
        if (tlsVersion != null) {
            this.tlsVersion = tlsVersion;
        }
        if (cipherSuite != null) {
            this.cipherSuite = cipherSuite;
        }
    }

    /** Connect or handshake failed; kept in case no exchange ever lands on this connection. */
    synchronized void connectFailed(Classification failure) {
        handshakeEnded(null, null);
        connectFailure = failure;
    }

    /** The chain as the trust manager saw it, before deciding. */
    synchronized void serverChainReceived(X509Certificate[] chain, String tlsVersion, String cipherSuite) {
        peerChain = Arrays.stream(chain).map(PemCertificates::encode).toList();
        if (tlsVersion != null && !tlsVersion.startsWith("NONE")) {
            this.tlsVersion = tlsVersion;
        }
        if (cipherSuite != null && !cipherSuite.startsWith("SSL_NULL")) {
            this.cipherSuite = cipherSuite;
        }
    }

    /**
     * Fills in from the finished session what the trust manager could not see: a resumed session
     * skips certificate verification, but the session still knows the peer's chain.
     */
    synchronized void sessionEstablished(SSLSession session) {
        tlsVersion = session.getProtocol();
        cipherSuite = session.getCipherSuite();
        if (peerChain.isEmpty()) {
            try {
                List<String> pems = new ArrayList<>();
                for (Certificate certificate : session.getPeerCertificates()) {
                    if (certificate instanceof X509Certificate x509) {
                        pems.add(PemCertificates.encode(x509));
                    }
                }
                peerChain = List.copyOf(pems);
            } catch (SSLPeerUnverifiedException e) {
                // No certificates in this session: nothing to record.
            }
        }
    }

    synchronized void addExchange(Exchange exchange) {
        exchanges.add(exchange);
    }

    synchronized void closed() {
        if (end == null) {
            end = Instant.now();
        }
    }

    synchronized Instant start() {
        return start;
    }

    synchronized ConnectionRecord toRecord() {
        Classification worst = exchanges.isEmpty() && connectFailure != null ? connectFailure : Classification.OK;
        for (Exchange exchange : exchanges) {
            worst = worst.worse(new Classification(exchange.outcome(), exchange.outcomeDetail()));
        }
        if (exchanges.isEmpty() && connectFailure == null) {
            worst = new Classification(Outcome.ERROR, "connection opened but no request was made on it");
        }
        return new ConnectionRecord(id, null, null, localPort, remote, start, end == null ? Instant.now() : end,
                connectMs, handshakeMs, tlsVersion, cipherSuite, peerChain, exchanges, worst.outcome(),
                worst.detail());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        return "ConnectionRecorder{" + id + ", localPort=" + localPort + ", remote=" + remote + "}";
    }
}
