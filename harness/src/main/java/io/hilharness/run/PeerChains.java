package io.hilharness.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A server chain's name in the journal: connections to one board receive the same chain over and over,
 * so a journal keeps each distinct chain once (a {@code chain} record) and connections refer to it by
 * this hash.
 */
public final class PeerChains {
    private PeerChains() {
    }

    /** SHA-256 of the PEM certificates as received, leaf first, in lower-case hex. */
    public static String sha256(List<String> pem) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String certificate : pem) {
                digest.update(certificate.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0); // no two different chains join to the same bytes
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
