package io.hilharness.certs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs the three kinds of certificate the lab needs; all Bouncy Castle detail stays here. */
final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** A CA certificate; {@code pathLen} limits how many intermediates may follow below it. */
    static X509Certificate caCertificate(X500Principal subject, PublicKey subjectKey,
                                         X500Principal issuer, PublicKey issuerKey, PrivateKey signingKey,
                                         int pathLen, Validity validity) {
        try {
            X509v3CertificateBuilder builder = start(subject, subjectKey, issuer, issuerKey, validity);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return sign(builder, signingKey);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode CA extensions", e);
        }
    }

    /** A TLS server leaf (never a CA), signed by {@code signingKey}; self-signed when issuer == subject. */
    static X509Certificate serverLeaf(ServerIdentity identity, PublicKey subjectKey,
                                      X500Principal issuer, PublicKey issuerKey, PrivateKey signingKey,
                                      Validity validity) {
        return serverLeaf(identity, subjectKey, issuer, issuerKey, signingKey, validity, false);
    }

    /** A leaf as {@link #serverLeaf} makes it, for client authentication only when asked (a scenario's deliberate flaw). */
    static X509Certificate serverLeaf(ServerIdentity identity, PublicKey subjectKey,
                                      X500Principal issuer, PublicKey issuerKey, PrivateKey signingKey,
                                      Validity validity, boolean clientAuthOnly) {
        KeyPurposeId purpose = clientAuthOnly ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth;
        X500Principal subject = commonName(identity.commonName());
        try {
            X509v3CertificateBuilder builder = start(subject, subjectKey, issuer, issuerKey, validity);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // RSA leaves also allow RSA key exchange (keyEncipherment), which old mbedTLS configurations still use.
            int usage = "RSA".equals(subjectKey.getAlgorithm())
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(identity));
            return sign(builder, signingKey);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode leaf extensions", e);
        }
    }

    static X500Principal commonName(String cn) {
        // X500Principal parses RFC 2253; quoting keeps commas or plus signs in a name from splitting it.
        return new X500Principal("CN=\"" + cn.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    private static X509v3CertificateBuilder start(X500Principal subject, PublicKey subjectKey,
                                                  X500Principal issuer, PublicKey issuerKey,
                                                  Validity validity) throws CertIOException {
        // Positive, 64 random bits plus one: unique enough that no client cache confuses two lab certs.
        BigInteger serial = new BigInteger(64, RANDOM).setBit(64);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, subjectKey);
        JcaX509ExtensionUtils utils = extensionUtils();
        // Key identifiers let path builders (JDK, mbedTLS, browsers) pick the right issuer quickly.
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
        return builder;
    }

    private static GeneralNames subjectAltNames(ServerIdentity identity) {
        List<GeneralName> names = new ArrayList<>();
        for (String ip : identity.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ipBytes(ip))));
        }
        for (String dns : identity.dnsNames()) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static byte[] ipBytes(String ip) {
        // Only literals: InetAddress would otherwise resolve a host name over DNS.
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + ip, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            var signer = new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithm(signingKey)).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is missing from this JDK", e);
        }
    }
}
