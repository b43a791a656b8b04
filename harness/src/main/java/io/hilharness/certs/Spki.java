package io.hilharness.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Fingerprints of a certificate's key (SubjectPublicKeyInfo), the thing a pin should name. */
public final class Spki {

    private Spki() {
    }

    /** Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo; stays the same when the cert is re-issued with the same key. */
    public static String sha256Hex(X509Certificate certificate) {
        // PublicKey.getEncoded() of an X.509 key is exactly the SubjectPublicKeyInfo DER.
        return HexFormat.of().formatHex(sha256(certificate.getPublicKey().getEncoded()));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
