package io.hilharness.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.ServerCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chains the scenario PKI kinds produce, checked by the JDK's own PKIX validator. */
class ImageCredentialsTest {
    @TempDir
    Path root;

    private static ServerCredential issue(String kind) {
        return ImageCredentials.issue("img", new PkiSpec(kind, List.of("127.0.0.1"), null));
    }

    private static void validate(ServerCredential credential) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(credential.trustAnchor(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(credential.chain()), params);
    }

    @Test
    void pathlen0SendsLeafBAndAWhereAWithPathLenZeroIssuedB() throws Exception {
        ServerCredential credential = issue("pathlen0");
        List<X509Certificate> chain = credential.chain();
        assertEquals(3, chain.size());
        X509Certificate leaf = chain.get(0);
        X509Certificate b = chain.get(1);
        X509Certificate a = chain.get(2);
        assertEquals(-1, leaf.getBasicConstraints(), "the leaf is no CA");
        assertEquals(0, a.getBasicConstraints(), "A carries pathLenConstraint 0");
        assertTrue(b.getBasicConstraints() >= 0, "B is a CA");
        leaf.verify(b.getPublicKey());
        b.verify(a.getPublicKey());
        a.verify(credential.trustAnchor().getPublicKey());
        assertEquals(a.getSubjectX500Principal(), b.getIssuerX500Principal());

        CertPathValidatorException e = assertThrows(CertPathValidatorException.class, () -> validate(credential));
        assertEquals(PKIXReason.PATH_TOO_LONG, e.getReason(), e.getMessage());
        assertEquals(1, e.getIndex(), "B, the CA below A, is where the path breaks");
    }

    @Test
    void labCaIntermediateIsACorrectTwoTierChain() throws Exception {
        ServerCredential credential = issue("lab-ca-intermediate");
        assertEquals(2, credential.chain().size());
        assertEquals(0, credential.chain().get(1).getBasicConstraints());
        validate(credential);
    }

    @Test
    void theExistingKindsKeepTheirShape() throws Exception {
        assertEquals(1, issue("lab-ca").chain().size());
        validate(issue("lab-ca"));
        ServerCredential selfSigned = issue("selfsigned");
        assertEquals(selfSigned.leaf(), selfSigned.trustAnchor());
    }

    @Test
    void theBuilderWritesThePathlen0ChainLeafFirstAndTheRootAsTrust() throws Exception {
        Path images = root.resolve("firmware-images/images/p");
        Files.createDirectories(images);
        Files.writeString(images.resolve("manifest.yaml"), """
                name: p
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                trust: certs/ca.pem
                pki:
                  kind: pathlen0
                  ips: [127.0.0.1]
                """);
        Files.createDirectories(root.resolve("firmware-images/content"));
        Files.writeString(root.resolve("firmware-images/content/index.html"), "<html></html>");
        Path binary = root.resolve("firmware-images/build/refboard");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\n");
        assertTrue(binary.toFile().setExecutable(true));

        FirmwareImage image = new ImageBuilder(new ProjectLayout(root)).build("p");

        List<X509Certificate> chain = PemCertificates.read(image.dir().resolve("certs/chain.pem"));
        List<X509Certificate> ca = PemCertificates.read(image.trustFile().orElseThrow());
        assertEquals(3, chain.size());
        assertEquals(1, ca.size());
        assertEquals(0, chain.get(2).getBasicConstraints());
        chain.get(2).verify(ca.get(0).getPublicKey());
    }
}
