package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the private key belongs to the leaf, proved by signing a random challenge and verifying it with
 * the leaf's public key: nothing about the key itself is ever shown.
 */
final class KeyMatchCheck implements CertCheck {

    static final String ID = "key";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        if (input.key().isEmpty()) {
            return List.of();
        }
        PrivateKey key = input.key().get();
        List<X509Certificate> chain = input.chain();
        List<Finding> findings = new ArrayList<>();
        input.keyFile().ifPresent(file -> permissions(file, findings));
        if (belongsTo(key, input.leaf().getPublicKey())) {
            findings.add(Finding.info(ID, 0, subject(input.leaf()), "the private key matches the leaf"));
            return findings;
        }
        for (int i = 1; i < chain.size(); i++) {
            if (belongsTo(key, chain.get(i).getPublicKey())) {
                findings.add(Finding.error(ID, 0, subject(input.leaf()), "the private key does not match the leaf #0; "
                                + "it belongs to " + label(chain, i) + ": the chain file starts with the wrong certificate",
                        "put the certificate issued for this key first in the chain file"));
                return findings;
            }
        }
        findings.add(Finding.error(ID, 0, subject(input.leaf()), "the private key does not match the leaf #0: "
                        + "the board cannot complete a handshake (mbedtls_pk_check_pair fails at load)",
                "flash the key that was generated together with this certificate"));
        return findings;
    }

    static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 sign without a separate hash
        };
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void permissions(Path file, List<Finding> findings) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                findings.add(Finding.warning(ID, null, null, file + " is readable by other users",
                        "chmod 600 " + file));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No POSIX permissions to judge.
        }
    }
}
