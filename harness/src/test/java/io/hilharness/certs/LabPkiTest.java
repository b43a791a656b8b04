package io.hilharness.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class LabPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";

    private final LabCa root = LabPki.newRootCa("lab root");
    private final LabCa intermediate = root.newIntermediate("lab intermediate");

    @Test
    void rootIsACaThatMaySignCertificatesAndCrls() throws Exception {
        X509Certificate cert = root.root();

        assertEquals(1, cert.getBasicConstraints(), "CA with pathLen 1");
        boolean[] usage = cert.getKeyUsage();
        assertTrue(usage[5], "keyCertSign");
        assertTrue(usage[6], "cRLSign");
        assertFalse(usage[0], "no digitalSignature: a root only signs certificates");
        assertTrue(cert.getCriticalExtensionOIDs().containsAll(List.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        cert.verify(cert.getPublicKey());
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
    }

    @Test
    void intermediateMayOnlyIssueLeaves() throws Exception {
        X509Certificate cert = intermediate.certificate();

        assertEquals(0, cert.getBasicConstraints(), "CA with pathLen 0");
        cert.verify(root.root().getPublicKey());
    }

    @Test
    void serverLeafIsNotACaAndNamesItsAddresses() throws Exception {
        ServerCredential credential = intermediate.issueServer(
                new ServerIdentity("board-7", List.of("127.0.0.1", "::1"), List.of("board-7.lab")));
        X509Certificate leaf = credential.leaf();

        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        assertTrue(leaf.getCriticalExtensionOIDs().contains(BASIC_CONSTRAINTS), "CA:false is stated, not implied");
        boolean[] usage = leaf.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertFalse(usage[5], "no keyCertSign");
        assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
        var san = leaf.getSubjectAlternativeNames();
        assertTrue(san.containsAll(List.of(
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "board-7.lab"))),
                () -> "SAN: " + san);
        assertEquals("CN=board-7", leaf.getSubjectX500Principal().getName());
        leaf.verify(intermediate.certificate().getPublicKey());
        assertEquals(List.of(leaf, intermediate.certificate()), credential.chain(), "leaf, then intermediates");
        assertEquals(root.root(), credential.trustAnchor());
    }

    @Test
    void leafIsValidFromAnHourAgoForTwoYears() {
        X509Certificate leaf = root.issueServer(ServerIdentity.forIp("127.0.0.1")).leaf();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();

        assertTrue(notBefore.isBefore(Instant.now().minus(Duration.ofMinutes(59))));
        assertEquals(Duration.ofDays(730).plusHours(1).toHours(), Duration.between(notBefore, notAfter).toHours());
    }

    @Test
    void selfSignedLeafIsNotACa() throws Exception {
        ServerCredential credential = LabPki.selfSignedLeaf(ServerIdentity.forIp("127.0.0.1"));
        X509Certificate leaf = credential.leaf();

        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(leaf.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        leaf.verify(leaf.getPublicKey());
        assertTrue(leaf.getSubjectAlternativeNames().contains(List.of(7, "127.0.0.1")));
        assertEquals(List.of(leaf), credential.chain());
        assertEquals(leaf, credential.trustAnchor(), "pinning material for a client that must accept it");
    }

    @Test
    void identityNeedsAName() {
        Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ServerIdentity("x", List.of(), List.of()));
        Assertions.assertThrows(IllegalArgumentException.class,
                () -> root.issueServer(new ServerIdentity("x", List.of("board.lab"), List.of())),
                "a host name is not an IP literal and must not be resolved");
    }

    @Test
    void toStringNeverShowsTheKey() {
        ServerCredential credential = root.issueServer(ServerIdentity.forIp("127.0.0.1"));
        String keyBase64 = Base64.getEncoder().encodeToString(credential.privateKey().getEncoded());
        String keyHex = HexFormat.of().formatHex(credential.privateKey().getEncoded());

        for (String text : List.of(credential.toString(), root.toString())) {
            assertTrue(text.contains("<hidden>"), text);
            assertFalse(text.contains(keyBase64.substring(40, 60)), text);
            assertFalse(text.contains(keyHex.substring(80, 120)), text);
        }
    }

    @Test
    void spkiFingerprintIsSha256OfTheSubjectPublicKeyInfo() throws Exception {
        X509Certificate leaf = root.issueServer(ServerIdentity.forIp("127.0.0.1")).leaf();
        byte[] spki = SubjectPublicKeyInfo
                .getInstance(new X509CertificateHolder(leaf.getEncoded()).getSubjectPublicKeyInfo())
                .getEncoded();

        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(spki));
        assertEquals(expected, Spki.sha256Hex(leaf));
    }
}
