package io.hilharness.certs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialWriterTest {

    private static final LabCa ROOT = LabPki.newRootCa("writer test root");
    private static final LabCa INTERMEDIATE = ROOT.newIntermediate("writer test intermediate");

    @TempDir
    Path dir;

    private final ServerCredential lab = INTERMEDIATE.issueServer(ServerIdentity.forIp("127.0.0.1"));
    private final ServerCredential selfSigned = LabPki.selfSignedLeaf(ServerIdentity.forIp("127.0.0.1"));

    @Test
    void writesChainLeafFirstWithoutRootAndTheRootAsCa() throws Exception {
        CredentialFiles files = CredentialWriter.write(lab, dir, false);

        assertEquals(List.of(lab.leaf(), INTERMEDIATE.certificate()), PemCertificates.read(files.chain()));
        assertEquals(List.of(ROOT.root()), PemCertificates.read(files.ca()));
        assertEquals(dir.resolve("chain.pem"), files.chain());
    }

    @Test
    void keyIsOwnerOnlyPkcs8ThatParsesBackToTheLeafKey() throws Exception {
        CredentialFiles files = CredentialWriter.write(lab, dir, false);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key())));
        String pem = Files.readString(files.key(), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN " + "PRIVATE KEY-----"), "PKCS#8, which mbedTLS 2.28 parses");
        PrivateKey key = PemPrivateKeys.read(files.key());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {42});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(lab.leaf().getPublicKey());
        verifier.update(new byte[] {42});
        assertTrue(verifier.verify(signature), "key.pem belongs to the leaf in chain.pem");
    }

    @Test
    void refusesToOverwriteWithoutTheFlag() throws Exception {
        CredentialFiles first = CredentialWriter.write(lab, dir, false);
        byte[] keyBefore = Files.readAllBytes(first.key());

        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> CredentialWriter.write(selfSigned, dir, false));

        assertTrue(refused.getMessage().contains("overwrite"), refused.getMessage());
        assertArrayEquals(keyBefore, Files.readAllBytes(first.key()), "old key untouched");
        assertEquals(lab.leaf(), PemCertificates.read(first.chain()).get(0), "old chain untouched");
    }

    @Test
    void overwritesWithTheFlagAndTheKeyIsOwnerOnlyAgain() throws Exception {
        CredentialFiles first = CredentialWriter.write(lab, dir, false);
        Files.setPosixFilePermissions(first.key(), PosixFilePermissions.fromString("rw-r--r--"));
        byte[] keyBefore = Files.readAllBytes(first.key());

        CredentialFiles second = CredentialWriter.write(selfSigned, dir, true);

        assertNotEquals(new String(keyBefore, StandardCharsets.US_ASCII),
                Files.readString(second.key(), StandardCharsets.US_ASCII));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.key())));
        assertEquals(List.of(selfSigned.leaf()), PemCertificates.read(second.ca()), "self-signed: ca.pem is the leaf");
    }

    @Test
    void chainValidatesWithJdkPkixAgainstCaPem() throws Exception {
        CredentialFiles files = CredentialWriter.write(lab, dir, false);

        validate(PemCertificates.read(files.chain()), PemCertificates.read(files.ca()).get(0));
    }

    @Test
    void selfSignedLeafDoesNotValidateAgainstTheLabCaNorTheSystemStore() throws Exception {
        CredentialFiles labFiles = CredentialWriter.write(lab, dir.resolve("lab"), false);
        CredentialFiles selfFiles = CredentialWriter.write(selfSigned, dir.resolve("self"), false);
        List<X509Certificate> selfChain = PemCertificates.read(selfFiles.chain());

        assertThrows(CertPathValidatorException.class,
                () -> validate(selfChain, PemCertificates.read(labFiles.ca()).get(0)));
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        X509TrustManager browserLike = (X509TrustManager) system.getTrustManagers()[0];
        assertThrows(CertificateException.class,
                () -> browserLike.checkServerTrusted(selfChain.toArray(X509Certificate[]::new), "ECDHE_ECDSA"));
    }

    @Test
    void badPemNamesTheFile() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        CredentialFiles files = CredentialWriter.write(lab, dir.resolve("x"), false);

        for (Path bad : List.of(garbage, empty, files.key())) {
            PemFormatException e = assertThrows(PemFormatException.class, () -> PemCertificates.read(bad));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        }
        PemFormatException notAKey = assertThrows(PemFormatException.class, () -> PemPrivateKeys.read(files.chain()));
        assertTrue(notAKey.getMessage().contains(files.chain().toString()));
        assertFalse(Files.readString(files.key()).contains(notAKey.getMessage()));
    }

    private static void validate(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false); // lab certificates have no CRL or OCSP
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    @Test
    void imageCredentialsFromLabPkiWriteAndValidate() throws Exception {
        LabPki.Issued labIssued = LabPki.labCa("board-a", List.of("127.0.0.1"), List.of("board-a.lab"));
        CredentialFiles files = labIssued.writeTo(dir.resolve("lab"), false);

        List<X509Certificate> chain = PemCertificates.read(files.chain());
        X509Certificate ca = PemCertificates.read(files.ca()).get(0);
        assertEquals(1, chain.size(), "leaf issued directly by the image's CA");
        assertTrue(ca.getBasicConstraints() >= 0, "ca.pem is a CA");
        validate(chain, ca);
        assertFalse(labIssued.toString().contains(
                Base64.getEncoder().encodeToString(labIssued.credential().privateKey().getEncoded())));

        LabPki.Issued selfIssued = LabPki.selfSigned("board-b", List.of("127.0.0.1"), List.of());
        CredentialFiles selfFiles = selfIssued.writeTo(dir.resolve("self"), false);
        assertEquals(PemCertificates.read(selfFiles.chain()), PemCertificates.read(selfFiles.ca()));
        assertEquals(-1, PemCertificates.read(selfFiles.ca()).get(0).getBasicConstraints());
        assertThrows(FileAlreadyExistsException.class, () -> selfIssued.writeTo(dir.resolve("self"), false));
    }
}
