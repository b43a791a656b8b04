package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.TestCertificates.ca;
import static io.hilharness.certs.doctor.TestCertificates.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.PemFormatException;
import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.TestCertificates.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private keys as DER in the four forms openssl and mbedTLS write (PKCS#8 and traditional, EC and RSA),
 * made at test time: each is read and proved to belong to its certificate; anything else is one clear line.
 */
class DoctorFilesTest {

    private static final Issued ROOT = ca("Key Root").selfSigned();
    private static final Issued EC_LEAF = leaf("127.0.0.1").issuedBy(ROOT);
    private static final Issued RSA_LEAF = leaf("127.0.0.1").keys(TestCertificates.rsa(2048)).issuedBy(ROOT);

    @TempDir
    Path dir;

    @Test
    void pkcs8DerEcKeyIsReadAndMatchesItsLeaf() throws Exception {
        assertReadAndMatched(EC_LEAF, keyFile("ec-pkcs8.der", EC_LEAF.privateKey().getEncoded()));
    }

    @Test
    void sec1DerEcKeyIsReadAndMatchesItsLeaf() throws Exception {
        byte[] der = traditional(EC_LEAF.privateKey(), "EC PRIVATE KEY");
        assertNotNull(ECPrivateKey.getInstance(der).getParametersObject(), "SEC1 as openssl writes it: with its curve");

        assertReadAndMatched(EC_LEAF, keyFile("ec-sec1.der", der));
    }

    @Test
    void pkcs8DerRsaKeyIsReadAndMatchesItsLeaf() throws Exception {
        assertReadAndMatched(RSA_LEAF, keyFile("rsa-pkcs8.der", RSA_LEAF.privateKey().getEncoded()));
    }

    @Test
    void pkcs1DerRsaKeyIsReadAndMatchesItsLeaf() throws Exception {
        assertReadAndMatched(RSA_LEAF, keyFile("rsa-pkcs1.der", traditional(RSA_LEAF.privateKey(), "RSA PRIVATE KEY")));
    }

    @Test
    void derThatIsNoPrivateKeyIsNotAReadablePrivateKey() throws Exception {
        byte[] garbage = "garbage, not a key: \u0001\u0002\u00ff\u0030\u0082".getBytes(StandardCharsets.ISO_8859_1);
        byte[] twoIntegers = new DERSequence(new ASN1Integer[] {new ASN1Integer(0), new ASN1Integer(7)}).getEncoded();

        assertNotAKey(keyFile("garbage.der", garbage), garbage);
        assertNotAKey(keyFile("two-integers.der", twoIntegers), twoIntegers);
        assertNotAKey(keyFile("certificate.der", ROOT.cert().getEncoded()), ROOT.cert().getEncoded());
    }

    /** Given where the chain belongs, a traditional DER key is named as a key, as a PKCS#8 one always was. */
    @Test
    void traditionalDerKeyGivenAsTheChainIsNamedAsAKey() throws Exception {
        Path sec1 = keyFile("ec-sec1.der", traditional(EC_LEAF.privateKey(), "EC PRIVATE KEY"));
        Path pkcs1 = keyFile("rsa-pkcs1.der", traditional(RSA_LEAF.privateKey(), "RSA PRIVATE KEY"));

        for (Path file : List.of(sec1, pkcs1)) {
            PemFormatException e = assertThrows(PemFormatException.class, () -> DoctorFiles.certificates(file));
            assertEquals(file + ": is a private key (DER), not a certificate (give a key with --key)", e.getMessage());
        }
    }

    private static void assertReadAndMatched(Issued leaf, Path file) throws Exception {
        PrivateKey key = DoctorFiles.privateKey(file, null);

        assertEquals(leaf.privateKey().getAlgorithm(), key.getAlgorithm());
        DoctorReport report = CertDoctor.standard().examine(DoctorInput.builder(file.toString(), List.of(leaf.cert()))
                .trust(Trust.caFile(Path.of("root.pem"), List.of(ROOT.cert()))).clientNames(List.of("127.0.0.1"))
                .key(key, file).build());
        assertTrue(report.findings().stream().anyMatch(f -> f.severity() == Severity.INFO
                && f.check().equals(KeyMatchCheck.ID) && f.message().equals("the private key matches the leaf")),
                () -> ReportRenderer.table(report));
        assertEquals(0, report.exitCode(), () -> ReportRenderer.table(report));
    }

    private static void assertNotAKey(Path file, byte[] content) {
        PemFormatException e = assertThrows(PemFormatException.class, () -> DoctorFiles.privateKey(file, null));

        assertTrue(e.getMessage().startsWith(file + ": not a readable private key ("), e.getMessage());
        assertFalse(e.getMessage().contains(HexFormat.of().formatHex(content, 0, Math.min(8, content.length))),
                e.getMessage());
    }

    /** The DER inside the traditional PEM block Bouncy Castle writes, as {@code openssl ec|rsa -outform DER} does. */
    private static byte[] traditional(PrivateKey key, String expectedType) throws Exception {
        PemObject block = new JcaMiscPEMGenerator(key).generate();
        assertEquals(expectedType, block.getType());
        return block.getContent();
    }

    /** Owner-only, as a key file should be: the doctor would warn otherwise. */
    private Path keyFile(String name, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
