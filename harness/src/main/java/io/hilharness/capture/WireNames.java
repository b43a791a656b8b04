package io.hilharness.capture;

import java.util.Map;

/** Names for the TLS numbers tshark prints (RFC 5246 and 8446), so reports read like Wireshark. */
public final class WireNames {
    static final int HANDSHAKE = 22;

    private static final Map<Integer, String> CONTENT_TYPES = Map.of(20, "ChangeCipherSpec", 21, "Alert",
            22, "Handshake", 23, "ApplicationData");
    private static final Map<Integer, String> HANDSHAKES = Map.ofEntries(Map.entry(0, "HelloRequest"),
            Map.entry(1, "ClientHello"), Map.entry(2, "ServerHello"), Map.entry(4, "NewSessionTicket"),
            Map.entry(8, "EncryptedExtensions"), Map.entry(11, "Certificate"), Map.entry(12, "ServerKeyExchange"),
            Map.entry(13, "CertificateRequest"), Map.entry(14, "ServerHelloDone"), Map.entry(15, "CertificateVerify"),
            Map.entry(16, "ClientKeyExchange"), Map.entry(20, "Finished"));

    private WireNames() {
    }

    public static String contentType(int type) {
        return CONTENT_TYPES.getOrDefault(type, "record type " + type);
    }

    /** Encrypted handshake messages (Finished after ChangeCipherSpec) show up as odd numbers; they stay numbers. */
    public static String handshake(int type) {
        return HANDSHAKES.getOrDefault(type, "handshake type " + type);
    }
}
