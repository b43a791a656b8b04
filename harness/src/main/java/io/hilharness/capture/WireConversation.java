package io.hilharness.capture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One client connection as the wire saw it, found by the client's source port.
 *
 * @param clientPort          the client's TCP source port (what the board logs and the driver records)
 * @param stream              tshark's tcp.stream number, to find it in Wireshark ({@code tcp.stream == N})
 * @param start               when its first packet (the SYN, normally) was captured
 * @param records             the segments that carried TLS records, in capture order
 * @param closedBy            who sent the first FIN or RST; null if the capture saw neither
 * @param closeKind           whether that first close was a FIN or a RST
 * @param resetBy             every side that sent a RST (a RST after a FIN still matters)
 * @param retransmissions     segments tshark flagged as retransmissions
 * @param zeroWindows         segments tshark flagged as advertising a zero window
 * @param bytesClientToServer TCP payload bytes from client to server, retransmissions not counted again
 * @param bytesServerToClient TCP payload bytes from server to client
 * @param serverCertificates  the Certificate message's chain as sent by the server, DER in hex, leaf first
 * @param closeFrame          frame number of the first FIN or RST; null if none was seen (or an older wire.json)
 * @param serverResetFrame    frame number of the server's first RST; null if it sent none (or an older wire.json)
 */
public record WireConversation(int clientPort, int stream, Instant start, List<WireRecord> records, Side closedBy, CloseKind closeKind,
                               List<Side> resetBy, int retransmissions, int zeroWindows,
                               long bytesClientToServer, long bytesServerToClient, List<String> serverCertificates,
                               Integer closeFrame, Integer serverResetFrame) {
    public WireConversation {
        records = List.copyOf(records);
        resetBy = List.copyOf(resetBy);
        serverCertificates = serverCertificates == null ? List.of() : List.copyOf(serverCertificates);
    }

    /** The alert records that went in one direction. */
    public List<WireRecord> alerts(Direction direction) {
        return records.stream().filter(r -> r.direction() == direction && r.isAlert()).toList();
    }

    /** The server's Certificate message as sent, one DER certificate each, leaf first. */
    public List<byte[]> serverCertificatesDer() {
        return serverCertificates.stream().map(HexFormat.of()::parseHex).toList();
    }

    /** The last record one side sent, if any. */
    public Optional<WireRecord> lastRecord(Direction direction) {
        return records.stream().filter(r -> r.direction() == direction).reduce((a, b) -> b);
    }

    /** The server's segment that carried its Certificate message, if one did. */
    public Optional<WireRecord> certificateRecord() {
        return records.stream().filter(r -> r.direction() == Direction.SERVER_TO_CLIENT && r.hasCertificate()).findFirst();
    }

    /**
     * SHA-256 over the Certificate message's certificates (DER, leaf first), hex: two connections that got
     * the same chain have the same digest. Empty when no Certificate message was captured.
     */
    public Optional<String> certificateDigest() {
        if (serverCertificates.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            serverCertificatesDer().forEach(sha::update);
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** One line for reports: handshake messages, alerts, close, retransmissions and bytes. */
    public String summary() {
        StringBuilder s = new StringBuilder("tcp.stream ").append(stream).append(": ");
        for (WireRecord r : records) {
            s.append(r.direction() == Direction.CLIENT_TO_SERVER ? "C>" : "S>");
            s.append(r.describe()).append(' ');
        }
        s.append("| closed: ").append(closedBy == null ? "not seen" : closedBy.name().toLowerCase() + " " + closeKind);
        if (!resetBy.isEmpty()) {
            s.append(", RST from ").append(resetBy.stream().map(x -> x.name().toLowerCase()).toList());
        }
        s.append(" | retrans ").append(retransmissions).append(", zero-win ").append(zeroWindows)
                .append(" | bytes c>s ").append(bytesClientToServer).append(", s>c ").append(bytesServerToClient);
        return s.toString();
    }
}
