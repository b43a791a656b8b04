package io.hilharness.devlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the certificate chain in a TLS 1.2 Certificate handshake message (RFC 5246 7.4.2) that a
 * board dumped, e.g. mbedTLS's {@code output record sent to network}, so it can be compared byte
 * for byte with the chain the client received. Accepts a whole record (5-byte header, content
 * type 22) or a bare handshake message. Dumped bytes are untrusted: any length that does not fit
 * gives an empty result, never an exception.
 */
public final class CertificateMessages {

    private static final int HANDSHAKE_RECORD = 22;
    private static final int CERTIFICATE = 11;

    private CertificateMessages() {
    }

    /** The DER certificates, leaf first, when {@code dump} holds a Certificate message. */
    public static Optional<List<byte[]>> chain(HexDump dump) {
        return dump == null || !dump.complete() ? Optional.empty() : chain(dump.bytes());
    }

    public static Optional<List<byte[]>> chain(byte[] b) {
        int p = 0;
        if (b.length >= 5 && (b[0] & 0xFF) == HANDSHAKE_RECORD && (b[1] & 0xFF) == 3) {
            p = 5; // record header: type, version (2), length (2)
        }
        if (b.length < p + 4 || (b[p] & 0xFF) != CERTIFICATE) {
            return Optional.empty();
        }
        int bodyLength = u24(b, p + 1);
        int listStart = p + 4 + 3;
        if (b.length < listStart || bodyLength > b.length - p - 4) {
            return Optional.empty();
        }
        int listEnd = listStart + u24(b, p + 4);
        if (listEnd > p + 4 + bodyLength) {
            return Optional.empty();
        }
        List<byte[]> certs = new ArrayList<>();
        for (int q = listStart; q < listEnd; ) {
            if (q + 3 > listEnd) {
                return Optional.empty();
            }
            int len = u24(b, q);
            q += 3;
            if (len > listEnd - q) {
                return Optional.empty();
            }
            byte[] der = new byte[len];
            System.arraycopy(b, q, der, 0, len);
            certs.add(der);
            q += len;
        }
        return Optional.of(certs);
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
    }
}
