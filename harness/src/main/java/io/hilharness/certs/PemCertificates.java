package io.hilharness.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes X.509 certificates as PEM text. */
public final class PemCertificates {

    private PemCertificates() {
    }

    /**
     * All certificates in a PEM file, in file order.
     *
     * @throws PemFormatException naming the file when it holds no certificate, something else, or bad base64
     */
    public static List<X509Certificate> read(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (!(item instanceof X509CertificateHolder holder)) {
                    throw new PemFormatException(file, "expected only certificates, found "
                            + item.getClass().getSimpleName());
                }
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (PemFormatException e) {
            throw e;
        } catch (CertificateException | IOException | RuntimeException e) {
            // BC reports malformed base64/DER as IOExceptions or runtime exceptions without the file name.
            throw new PemFormatException(file, "not a valid PEM certificate file (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new PemFormatException(file, "contains no PEM certificate");
        }
        return List.copyOf(certificates);
    }

    /**
     * Certificates from PEM texts of one certificate each, in order: how recorded chains and journals keep them.
     *
     * @throws CertificateException when one does not parse
     */
    public static List<X509Certificate> decode(List<String> pems) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (String pem : pems) {
            try {
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            } catch (RuntimeException e) {
                throw new CertificateException("not a PEM certificate: " + e.getMessage(), e);
            }
        }
        return List.copyOf(certificates);
    }

    /** One certificate as a PEM block ending in a newline. */
    public static String encode(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot PEM-encode a certificate in memory", e);
        }
        return out.toString();
    }

    /** Several certificates, concatenated in the given order. */
    public static String encodeAll(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(encode(c)));
        return pem.toString();
    }
}
