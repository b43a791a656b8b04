package io.hilharness.certs.doctor;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Plain facts about certificates that several checks need. */
final class CertFacts {

    private CertFacts() {
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate cert) {
        return cert.getIssuerX500Principal().getName();
    }

    /** True when {@code issuer} names and signed {@code child}. */
    static boolean issued(X509Certificate issuer, X509Certificate child) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static boolean selfSigned(X509Certificate cert) {
        return issued(cert, cert);
    }

    static boolean isCa(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0;
    }

    /** The basicConstraints extension, absent when the certificate has none. */
    static Optional<BasicConstraints> basicConstraints(X509Certificate cert) {
        return Optional.ofNullable(BasicConstraints.fromExtensions(holder(cert).getExtensions()));
    }

    /** pathLenConstraint of a CA, empty when there is no limit or the certificate is no CA. */
    static Optional<Integer> pathLen(X509Certificate cert) {
        return basicConstraints(cert).filter(BasicConstraints::isCA)
                .map(BasicConstraints::getPathLenConstraint).map(java.math.BigInteger::intValueExact);
    }

    static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot DER-encode a parsed certificate", e);
        }
    }

    static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        return Arrays.equals(der(a), der(b));
    }

    /** The named curve of an EC key ("P-256", "secp256k1", ...), empty for other keys or explicit parameters. */
    static Optional<String> curveName(X509Certificate cert) {
        SubjectPublicKeyInfo spki = holder(cert).getSubjectPublicKeyInfo();
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        if (algorithm.getParameters() instanceof ASN1ObjectIdentifier oid) {
            String name = ECNamedCurveTable.getName(oid);
            return Optional.of(name == null ? oid.getId() : name);
        }
        return Optional.empty();
    }

    /** "EC P-256", "RSA 2048", "Ed25519": the key as people name it. */
    static String keyDescription(X509Certificate cert) {
        String algorithm = cert.getPublicKey().getAlgorithm();
        if (cert.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if ("EC".equals(algorithm)) {
            return "EC " + curveName(cert).map(CertFacts::commonCurveName).orElse("(explicit curve)");
        }
        return algorithm;
    }

    static String commonCurveName(String name) {
        return switch (name) {
            case "secp256r1", "prime256v1", "P-256" -> "P-256";
            case "secp384r1", "P-384" -> "P-384";
            case "secp521r1", "P-521" -> "P-521";
            default -> name;
        };
    }

    private static X509CertificateHolder holder(X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot re-read a parsed certificate", e);
        }
    }

    /**
     * The leaf's issuance path through the chain as sent: indexes starting at 0, each followed by the index
     * of the certificate that issued it, wherever it sits in the chain. Ends at a self-signed certificate
     * or where no issuer was sent.
     */
    static List<Integer> pathFromLeaf(List<X509Certificate> chain) {
        List<Integer> path = new java.util.ArrayList<>();
        path.add(0);
        int current = 0;
        while (!selfSigned(chain.get(current))) {
            int child = current;
            Optional<Integer> next = java.util.stream.IntStream.range(0, chain.size()).boxed()
                    .filter(i -> !path.contains(i) && issued(chain.get(i), chain.get(child)))
                    // Of two copies of the same issuer, the one sent first.
                    .findFirst();
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            path.add(current);
        }
        return List.copyOf(path);
    }

    /** The trust anchor that issued {@code cert}, if any. */
    static Optional<X509Certificate> anchorIssuing(List<X509Certificate> anchors, X509Certificate cert) {
        return anchors.stream().filter(a -> issued(a, cert)).findFirst();
    }

    static boolean isAnchor(List<X509Certificate> anchors, X509Certificate cert) {
        return anchors.stream().anyMatch(a -> sameCertificate(a, cert));
    }

    /** "#2 (CN=foo)" for messages. */
    static String label(List<X509Certificate> chain, int index) {
        return "#" + index + " (" + subject(chain.get(index)) + ")";
    }
}
