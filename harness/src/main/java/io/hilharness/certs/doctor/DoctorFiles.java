package io.hilharness.certs.doctor;

import io.hilharness.certs.PemFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads what users hand the doctor: certificates as PEM (one or many blocks) or DER, private keys as PEM or
 * DER, PKCS#8 (plain or encrypted) or traditional (PKCS#1 RSA, SEC1 EC; encrypted only in PEM). Every
 * problem is one {@link PemFormatException} line naming the file, and a message about a key file never
 * quotes its content.
 */
public final class DoctorFiles {

    /** The JDK lacks some PEM ciphers' padding names (AES/CBC/PKCS7Padding); not installed globally. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private DoctorFiles() {
    }

    /** All certificates in a file, in file order. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = read(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN ")) {
            return List.of(derCertificate(file, bytes));
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject block;
            int number = 0;
            while ((block = readBlock(file, reader, number + 1)) != null) {
                number++;
                String type = block.getType().toUpperCase(Locale.ROOT);
                if (type.contains("PRIVATE KEY")) {
                    throw new PemFormatException(file, "block " + number + " is a private key, not a certificate "
                            + "(give a key with --key)");
                }
                if (!type.endsWith("CERTIFICATE")) {
                    throw new PemFormatException(file, "block " + number + " is a " + block.getType()
                            + ", not a certificate");
                }
                certificates.add(parseCertificate(file, block.getContent(), "PEM block " + number));
            }
        }
        if (certificates.isEmpty()) {
            throw new PemFormatException(file, "not a certificate: no complete PEM certificate block");
        }
        return List.copyOf(certificates);
    }

    /**
     * The private key in a file.
     *
     * @param password for an encrypted key; null when none was given
     */
    public static PrivateKey privateKey(Path file, char[] password) throws IOException {
        byte[] bytes = read(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Object item;
        try {
            item = text.contains("-----BEGIN ") ? pemItem(text) : derKeyItem(bytes);
        } catch (IOException | RuntimeException e) {
            // Never e.getMessage(): a parser message could quote key bytes.
            throw new PemFormatException(file, "not a readable private key (" + e.getClass().getSimpleName() + ")");
        }
        if (item instanceof X509CertificateHolder) {
            throw new PemFormatException(file, "holds a certificate, not a private key");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassword(file, password);
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)));
            }
            if (item instanceof PEMEncryptedKeyPair encrypted) {
                requirePassword(file, password);
                return converter.getPrivateKey(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)).getPrivateKeyInfo());
            }
        } catch (PemFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new PemFormatException(file, "cannot decrypt or decode the private key (wrong password?)");
        }
        throw new PemFormatException(file, "not a private key" + (item == null ? " (no PEM block)" : ""));
    }

    private static void requirePassword(Path file, char[] password) throws PemFormatException {
        if (password == null) {
            throw new PemFormatException(file, "the private key is encrypted; give its password with --key-password");
        }
    }

    private static Object pemItem(String text) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            return parser.readObject();
        }
    }

    /**
     * A DER key in any form openssl and mbedTLS write. PEM says the form in its header; DER has none, so
     * the structure says it: after the version, PKCS#8 has an AlgorithmIdentifier, PKCS#1 RSA the modulus,
     * SEC1 EC the private key's octets; encrypted PKCS#8 starts with its AlgorithmIdentifier. The
     * traditional forms become the PrivateKeyInfo PEMParser makes of an "RSA PRIVATE KEY" or
     * "EC PRIVATE KEY" block, so every form is converted the same way.
     */
    private static Object derKeyItem(byte[] bytes) throws IOException {
        ASN1Sequence key = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
        if (key.size() < 2) {
            throw new IllegalArgumentException("too few fields for a private key");
        }
        ASN1Encodable second = key.getObjectAt(1);
        if (key.size() == 2 && key.getObjectAt(0) instanceof ASN1Sequence) {
            return new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(key));
        }
        if (second instanceof ASN1Sequence) {
            return PrivateKeyInfo.getInstance(key);
        }
        if (second instanceof ASN1Integer) {
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    RSAPrivateKey.getInstance(key));
        }
        if (second instanceof ASN1OctetString) {
            ECPrivateKey ec = ECPrivateKey.getInstance(key);
            // Only inside PKCS#8 may the curve be left out (its AlgorithmIdentifier names it): alone, it is a must.
            if (ec.getParametersObject() == null) {
                throw new IllegalArgumentException("SEC1 EC key without its curve");
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    ec.getParametersObject()), ec);
        }
        throw new IllegalArgumentException("neither PKCS#8, PKCS#1 nor SEC1");
    }

    private static PemObject readBlock(Path file, PemReader reader, int number) throws PemFormatException {
        try {
            return reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("not found")
                    ? "truncated PEM: block " + number + " has no END line"
                    : "damaged PEM: block " + number + " is not valid base64";
            throw new PemFormatException(file, reason);
        }
    }

    private static X509Certificate derCertificate(Path file, byte[] bytes) throws PemFormatException {
        try {
            return parseCertificate(file, bytes, "DER");
        } catch (PemFormatException notCertificate) {
            if (looksLikeDerKey(bytes)) {
                throw new PemFormatException(file, "is a private key (DER), not a certificate (give a key with --key)");
            }
            throw new PemFormatException(file, "not a certificate: neither PEM nor DER X.509");
        }
    }

    private static boolean looksLikeDerKey(byte[] bytes) {
        try {
            derKeyItem(bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static X509Certificate parseCertificate(Path file, byte[] der, String where) throws PemFormatException {
        try {
            // Through Bouncy Castle's ASN.1 first: its errors say "truncated" where the JDK's say little.
            X509CertificateHolder holder = new X509CertificateHolder(der);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new PemFormatException(file, where + " is not a valid X.509 certificate (truncated or damaged)");
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new PemFormatException(file, "the file is empty");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new PemFormatException(file, "no such file");
        } catch (PemFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new PemFormatException(file, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
