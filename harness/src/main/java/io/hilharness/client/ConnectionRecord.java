package io.hilharness.client;

import java.time.Instant;
import java.util.List;

/**
 * One TCP connection the driver opened (or tried to), with everything needed to join it with the
 * board's log: the board logs the client's source port, which is {@link #localPort}.
 *
 * @param id            unique within a round ("c1", "c2", ...) unless the caller sets its own
 * @param boot          board boot number, set by the caller via {@link #withContext}
 * @param round         round number, set by the caller via {@link #withContext}
 * @param localPort     the client's TCP source port; -1 if no socket was ever bound
 * @param remote        the server's address as host:port
 * @param start         when the TCP connect began
 * @param end           when the socket was closed
 * @param connectMs     TCP connect duration; null if the connect never finished
 * @param handshakeMs   TLS handshake duration up to success or failure; null if it never started
 * @param tlsVersion    negotiated protocol, e.g. TLSv1.2; also known for rejected chains
 * @param cipherSuite   negotiated suite, as the JDK names it
 * @param peerChain     the server's chain as received (PEM, leaf first), recorded before the trust
 *                      decision so it is there also when the chain was rejected
 * @param exchanges     requests on this connection in order (one unless keep-alive)
 * @param outcome       the worst of the connection's own failure and its exchanges' outcomes
 * @param outcomeDetail the reason for that outcome (PKIX reason, alert name, exception chain)
 */
public record ConnectionRecord(String id, Integer boot, Integer round, int localPort, String remote,
                               Instant start, Instant end, Long connectMs, Long handshakeMs,
                               String tlsVersion, String cipherSuite, List<String> peerChain,
                               List<Exchange> exchanges, Outcome outcome, String outcomeDetail) {

    public ConnectionRecord {
        peerChain = peerChain == null ? List.of() : List.copyOf(peerChain);
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
    }

    /** The same record without the server chain (some 2 KB of PEM); for records kept in memory only for counting. */
    public ConnectionRecord withoutPeerChain() {
        return new ConnectionRecord(id, boot, round, localPort, remote, start, end, connectMs, handshakeMs,
                tlsVersion, cipherSuite, List.of(), exchanges, outcome, outcomeDetail);
    }

    /** The same record placed in a run: which boot and round it belongs to, and the caller's id. */
    public ConnectionRecord withContext(int boot, int round, String id) {
        return new ConnectionRecord(id, boot, round, localPort, remote, start, end, connectMs, handshakeMs,
                tlsVersion, cipherSuite, peerChain, exchanges, outcome, outcomeDetail);
    }
}
