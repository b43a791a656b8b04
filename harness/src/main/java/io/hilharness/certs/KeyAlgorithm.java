package io.hilharness.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/** The key types the lab PKI issues: what every mbedTLS build and every browser accepts. */
public enum KeyAlgorithm {
    /** EC P-256 with ECDSA-SHA256: small certificates and fast handshakes on a board; the default. */
    EC_P256,
    /** RSA 2048 with SHA256withRSA: for boards whose mbedTLS build has no ECDSA. */
    RSA_2048;

    public KeyPair newKeyPair() {
        return switch (this) {
            case EC_P256 -> EcKeys.newP256();
            case RSA_2048 -> rsa2048();
        };
    }

    /** The signature algorithm a CA holding {@code signingKey} signs with. */
    static String signatureAlgorithm(PrivateKey signingKey) {
        return "RSA".equals(signingKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }
}
