package io.hilharness.certs.doctor;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One connection's server Certificate message as a packet capture saw it, and the chain the client of
 * that connection recorded (if the run kept it), for {@link WireChainCheck}.
 *
 * @param stream     tshark's tcp.stream number (Wireshark: {@code tcp.stream == N})
 * @param clientPort the client's source port
 * @param frame      the frame that carried the Certificate message; null when unknown
 * @param onWire     the certificates of the Certificate message, leaf first
 * @param clientSaw  the chain the client recorded for this connection; null when not recorded
 */
public record WireChain(int stream, int clientPort, Integer frame, List<X509Certificate> onWire,
                        List<X509Certificate> clientSaw) {
    public WireChain {
        onWire = List.copyOf(onWire);
        clientSaw = clientSaw == null ? null : List.copyOf(clientSaw);
    }

    /** e.g. "tcp.stream 3 (client port 50123, frame 17)". */
    public String where() {
        return "tcp.stream " + stream + " (client port " + clientPort + (frame == null ? "" : ", frame " + frame) + ")";
    }
}
