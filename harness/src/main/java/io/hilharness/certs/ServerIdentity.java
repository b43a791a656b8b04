package io.hilharness.certs;

import java.util.List;
import java.util.Objects;

/**
 * Who a server certificate speaks for: the names a client will check it against.
 *
 * @param commonName  subject CN; clients do not match on it any more, but boards and logs show it
 * @param ipAddresses IP literals for subjectAltName iPAddress entries (how clients reach a bench board)
 * @param dnsNames    host names for subjectAltName dNSName entries
 */
public record ServerIdentity(String commonName, List<String> ipAddresses, List<String> dnsNames) {

    public ServerIdentity {
        Objects.requireNonNull(commonName, "commonName");
        ipAddresses = List.copyOf(ipAddresses);
        dnsNames = List.copyOf(dnsNames);
        if (ipAddresses.isEmpty() && dnsNames.isEmpty()) {
            // A certificate without subjectAltName fails every modern hostname check.
            throw new IllegalArgumentException("a server identity needs at least one IP address or DNS name");
        }
    }

    /** A board reached by IP only, e.g. {@code forIp("127.0.0.1")}. */
    public static ServerIdentity forIp(String ip) {
        return new ServerIdentity(ip, List.of(ip), List.of());
    }
}
