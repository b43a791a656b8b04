package io.hilharness.certs.doctor;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds certificates with Bouncy Castle at test time, including every mistake the doctor must spot.
 * A {@link Spec} starts as a good EC P-256 leaf or CA; each test breaks exactly what it is about.
 */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** A certificate with its key, so it can issue others. */
    record Issued(X509Certificate cert, KeyPair keys) {
        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    static KeyPair ec(String curve) {
        try {
            // Bouncy Castle also knows the curves the JDK dropped (secp256k1, brainpool): the ones to warn about.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Spec ca(String cn) {
        Spec spec = new Spec(cn);
        spec.ca = true;
        spec.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
        spec.eku = false;
        return spec;
    }

    static Spec leaf(String cn) {
        Spec spec = new Spec(cn);
        spec.ips.add("127.0.0.1");
        return spec;
    }

    static final class Spec {
        final String cn;
        boolean ca;
        Integer pathLen;
        boolean basicConstraints = true;
        Integer keyUsage = KeyUsage.digitalSignature;
        boolean eku = true;
        KeyPurposeId purpose = KeyPurposeId.id_kp_serverAuth;
        final List<String> ips = new ArrayList<>();
        final List<String> dns = new ArrayList<>();
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        KeyPair keys = ec("secp256r1");
        String signatureAlgorithm;

        Spec(String cn) {
            this.cn = cn;
        }

        Spec pathLen(int value) {
            pathLen = value;
            return this;
        }

        Spec notCa() {
            ca = false;
            return this;
        }

        Spec asCa() {
            ca = true;
            return this;
        }

        Spec noBasicConstraints() {
            basicConstraints = false;
            return this;
        }

        Spec keyUsage(Integer usage) {
            keyUsage = usage;
            return this;
        }

        Spec purpose(KeyPurposeId id) {
            purpose = id;
            return this;
        }

        Spec ips(String... values) {
            ips.clear();
            ips.addAll(List.of(values));
            return this;
        }

        Spec dns(String... values) {
            dns.clear();
            dns.addAll(List.of(values));
            return this;
        }

        Spec valid(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        Spec keys(KeyPair pair) {
            keys = pair;
            return this;
        }

        Spec signedWith(String algorithm) {
            signatureAlgorithm = algorithm;
            return this;
        }

        Issued selfSigned() {
            return build(principal(), keys.getPrivate());
        }

        Issued issuedBy(Issued issuer) {
            return build(issuer.cert().getSubjectX500Principal(), issuer.privateKey());
        }

        X500Principal principal() {
            return new X500Principal("CN=" + cn);
        }

        private Issued build(X500Principal issuer, PrivateKey signingKey) {
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        principal(), keys.getPublic());
                if (basicConstraints) {
                    builder.addExtension(Extension.basicConstraints, true,
                            ca ? (pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen))
                                    : new BasicConstraints(false));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (eku && !ca) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
                }
                List<GeneralName> names = new ArrayList<>();
                for (String ip : ips) {
                    names.add(new GeneralName(GeneralName.iPAddress,
                            new DEROctetString(InetAddress.getByName(ip).getAddress())));
                }
                for (String name : dns) {
                    names.add(new GeneralName(GeneralName.dNSName, name));
                }
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                        : "RSA".equals(signingKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
                return new Issued(cert, keys);
            } catch (Exception e) {
                throw new IllegalStateException("cannot build test certificate " + cn, e);
            }
        }
    }
}
