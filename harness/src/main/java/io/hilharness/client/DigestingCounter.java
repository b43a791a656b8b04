package io.hilharness.client;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a body to its end, counting bytes and hashing them; the count survives a failed read. */
final class DigestingCounter {

    private final MessageDigest sha256;
    private long bytes;

    DigestingCounter() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    void readFully(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = body.read(buffer)) != -1) {
            sha256.update(buffer, 0, n);
            bytes += n;
        }
    }

    long bytes() {
        return bytes;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
