package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.TestCertificates.ca;
import static io.hilharness.certs.doctor.TestCertificates.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.TestCertificates.Issued;
import io.hilharness.json.Json;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** Every broken chain from the field, built at test time; the doctor must name the problem and the certificate. */
class CertDoctorTest {

    private static final Issued ROOT = ca("Bench Root").selfSigned();
    private static final Issued INTERMEDIATE = ca("Bench Intermediate").pathLen(0).issuedBy(ROOT);
    private static final Issued LEAF = leaf("127.0.0.1").issuedBy(INTERMEDIATE);
    /** RSA key generation is slow; one pair serves every test that needs RSA 2048. */
    private static final java.security.KeyPair RSA_2048 = TestCertificates.rsa(2048);
    private static final Trust TRUST_ROOT = Trust.caFile(Path.of("root.pem"), List.of(ROOT.cert()));

    private static DoctorReport examine(Trust trust, Issued... chain) {
        return examine(builder(chain).trust(trust));
    }

    private static DoctorInput.Builder builder(Issued... chain) {
        List<X509Certificate> certs = Arrays.stream(chain).map(Issued::cert).toList();
        return DoctorInput.builder("test chain", certs).clientNames(List.of("127.0.0.1"));
    }

    private static DoctorReport examine(DoctorInput.Builder input) {
        return CertDoctor.standard().examine(input.build());
    }

    private static Finding assertFinding(DoctorReport report, Severity severity, String check, Integer cert,
                                         String text) {
        return report.findings().stream()
                .filter(f -> f.severity() == severity && f.check().equals(check)
                        && java.util.Objects.equals(f.cert(), cert) && f.message().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + severity + " " + check + " #" + cert + " '" + text
                        + "' in:\n" + ReportRenderer.table(report)));
    }

    private static void assertNoErrors(DoctorReport report) {
        assertEquals(0, report.count(Severity.ERROR), () -> ReportRenderer.table(report));
        assertEquals("ok", report.verdict());
        assertEquals(0, report.exitCode());
    }

    private static String errors(DoctorReport report) {
        return report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.check() + "#" + f.cert()).collect(Collectors.joining(" "));
    }

    @Test
    void aGoodChainGetsNoErrorAndNoWarning() {
        DoctorReport report = examine(TRUST_ROOT, LEAF, INTERMEDIATE);

        assertNoErrors(report);
        assertEquals(0, report.count(Severity.WARNING), () -> ReportRenderer.table(report));
        assertFinding(report, Severity.INFO, "trust", null, "path #0 -> #1 -> anchor CN=Bench Root");
        assertFinding(report, Severity.INFO, "names", 0, "matches subjectAltName IP:127.0.0.1");
    }

    @Test
    void selfSignedLeafWithoutCaFlagIsNotTrusted() {
        Issued selfSigned = leaf("127.0.0.1").selfSigned();

        DoctorReport report = examine(Trust.system(), selfSigned);

        Finding finding = assertFinding(report, Severity.ERROR, "trust", 0, "self-signed leaf");
        assertTrue(finding.message().contains("not a CA"), finding.message());
        assertTrue(finding.fix().contains("hil certs issue"), finding.fix());
        assertEquals(1, report.exitCode());
    }

    @Test
    void selfSignedLeafThatIsPinnedIsOnlyAWarning() {
        Issued selfSigned = leaf("127.0.0.1").selfSigned();

        DoctorReport report = examine(Trust.pinned(Path.of("pin.pem"), List.of(selfSigned.cert())), selfSigned);

        assertFinding(report, Severity.WARNING, "trust", 0, "self-signed leaf");
        assertNoErrors(report);
    }

    @Test
    void leafThatIsACaIsNamed() {
        Issued caLeaf = leaf("127.0.0.1").asCa().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)
                .issuedBy(INTERMEDIATE);

        DoctorReport report = examine(TRUST_ROOT, caLeaf, INTERMEDIATE);

        assertFinding(report, Severity.ERROR, "constraints", 0, "the leaf is a CA certificate");
    }

    @Test
    void pathLenZeroIntermediateFollowedByAnotherIntermediate() {
        Issued first = ca("Intermediate One").pathLen(0).issuedBy(ROOT);
        Issued second = ca("Intermediate Two").issuedBy(first);
        Issued leaf = leaf("127.0.0.1").issuedBy(second);

        DoctorReport report = examine(TRUST_ROOT, leaf, second, first);

        Finding finding = assertFinding(report, Severity.ERROR, "constraints", 2, "pathLenConstraint 0");
        assertEquals("CN=Intermediate One", finding.subject());
        assertTrue(finding.message().contains("#1"), finding.message());
        // The exact PKIX failure is reported too.
        Finding pkix = report.findings().stream().filter(f -> f.check().equals("trust")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, pkix.severity());
        assertTrue(pkix.message().contains("pathLenConstraint"), pkix.message());
    }

    @Test
    void rootPathLenIsCheckedAsTheTrustAnchor() {
        Issued strictRoot = ca("Strict Root").pathLen(0).selfSigned();
        Issued intermediate = ca("Under Strict Root").pathLen(0).issuedBy(strictRoot);
        Issued leaf = leaf("127.0.0.1").issuedBy(intermediate);

        DoctorReport report = examine(Trust.caFile(Path.of("strict.pem"), List.of(strictRoot.cert())),
                leaf, intermediate);

        Finding finding = assertFinding(report, Severity.ERROR, "constraints", null, "trust anchor");
        assertEquals("CN=Strict Root", finding.subject());
    }

    @Test
    void intermediateWithoutCaFlagIsNamed() {
        Issued notCa = ca("Not A CA").notCa().issuedBy(ROOT);
        Issued leaf = leaf("127.0.0.1").issuedBy(notCa);

        DoctorReport report = examine(TRUST_ROOT, leaf, notCa);

        assertFinding(report, Severity.ERROR, "constraints", 1, "is not a CA");
    }

    @Test
    void missingIntermediateIsNamedOnTheCertificateWhoseIssuerIsMissing() {
        DoctorReport report = examine(TRUST_ROOT, LEAF);

        Finding finding = assertFinding(report, Severity.ERROR, "trust", 0, "missing intermediate");
        assertTrue(finding.message().contains("CN=Bench Intermediate"), finding.message());
        assertTrue(finding.fix().contains("send the intermediate"), finding.fix());
    }

    @Test
    void labChainAgainstTheSystemStoreIsUntrusted() {
        DoctorReport report = examine(Trust.system(), LEAF, INTERMEDIATE);

        Finding finding = assertFinding(report, Severity.ERROR, "trust", 1, "not trusted by the system trust store");
        assertTrue(finding.fix().contains("ca.pem"), finding.fix());
    }

    @Test
    void misplacedIntermediateBreaksTheOrder() {
        Issued first = ca("Upper").pathLen(1).issuedBy(ROOT);
        Issued second = ca("Lower").pathLen(0).issuedBy(first);
        Issued leaf = leaf("127.0.0.1").issuedBy(second);

        DoctorReport report = examine(TRUST_ROOT, leaf, first, second);

        assertFinding(report, Severity.ERROR, "chain", 2, "issued #0 but is sent at position 2");
        assertFinding(report, Severity.ERROR, "chain", 1, "issued #2 but is sent at position 1");
    }

    @Test
    void leafNotFirst() {
        DoctorReport report = examine(TRUST_ROOT, INTERMEDIATE, LEAF);

        assertFinding(report, Severity.ERROR, "chain", 0, "the leaf must come first");
    }

    @Test
    void duplicateCertificateIsAWarningOnTheCopy() {
        DoctorReport report = examine(TRUST_ROOT, LEAF, INTERMEDIATE, INTERMEDIATE);

        assertFinding(report, Severity.WARNING, "chain", 2, "second copy of #1");
        assertNoErrors(report);
    }

    @Test
    void strayCertificateAndSentRoot() {
        Issued stranger = ca("Stranger").selfSigned();

        DoctorReport strays = examine(TRUST_ROOT, LEAF, INTERMEDIATE, stranger);
        DoctorReport withRoot = examine(TRUST_ROOT, LEAF, INTERMEDIATE, ROOT);

        assertFinding(strays, Severity.WARNING, "chain", 2, "not on the leaf's path");
        assertFinding(withRoot, Severity.INFO, "chain", 2, "self-signed root");
        assertNoErrors(withRoot);
    }

    @Test
    void leafForAnotherIp() {
        Issued other = leaf("127.0.0.2").ips("127.0.0.2").issuedBy(INTERMEDIATE);

        DoctorReport report = examine(TRUST_ROOT, other, INTERMEDIATE);

        Finding finding = assertFinding(report, Severity.ERROR, "names", 0, "clients use 127.0.0.1");
        assertTrue(finding.message().contains("IP:127.0.0.2"), finding.message());
        assertTrue(finding.fix().contains("--ip 127.0.0.1"), finding.fix());
    }

    @Test
    void nameOnlyInTheCommonNameDoesNotCount() {
        Issued cnOnly = leaf("127.0.0.1").ips().issuedBy(INTERMEDIATE);
        Issued ipAsDns = leaf("board").ips().dns("127.0.0.1").issuedBy(INTERMEDIATE);

        assertFinding(examine(TRUST_ROOT, cnOnly, INTERMEDIATE), Severity.ERROR, "names", 0, "no subjectAltName");
        assertFinding(examine(TRUST_ROOT, ipAsDns, INTERMEDIATE), Severity.ERROR, "names", 0,
                "needs an iPAddress entry");
    }

    @Test
    void wildcardsMatchExactlyOneLeftmostLabel() {
        Issued wildcard = leaf("lab").ips().dns("*.lab.example").issuedBy(INTERMEDIATE);

        DoctorReport one = examine(builder(wildcard, INTERMEDIATE).trust(TRUST_ROOT)
                .clientNames(List.of("board.lab.example")));
        DoctorReport two = examine(builder(wildcard, INTERMEDIATE).trust(TRUST_ROOT)
                .clientNames(List.of("a.board.lab.example")));
        DoctorReport partial = examine(TRUST_ROOT, leaf("x").ips().dns("b*.lab.example").issuedBy(INTERMEDIATE),
                INTERMEDIATE);

        assertFinding(one, Severity.INFO, "names", 0, "matches the wildcard");
        assertNoErrors(one);
        assertFinding(two, Severity.ERROR, "names", 0, "clients use a.board.lab.example");
        assertFinding(partial, Severity.WARNING, "names", 0, "partial wildcard");
    }

    /** Each of these the doctor once judged by its own rules, unlike the client it speaks for. */
    @Test
    void namesAreJudgedAsTheHarnesssOkHttpClientJudgesThem() {
        Issued leaf = leaf("board").ips("127.0.0.1").dns("board.lab.example", "*.lab").issuedBy(INTERMEDIATE);

        DoctorReport report = examine(builder(leaf, INTERMEDIATE).trust(TRUST_ROOT)
                .clientNames(List.of("board.lab.example.", "x.lab", "127.000.000.001")));

        assertFinding(report, Severity.INFO, "names", 0, "clients use board.lab.example.: matches subjectAltName DNS:board.lab.example");
        assertFinding(report, Severity.INFO, "names", 0, "clients use x.lab: matches the wildcard DNS:*.lab");
        assertFinding(report, Severity.WARNING, "names", 0, "DNS:*.lab is a wildcard for a whole top-level domain");
        Finding padded = assertFinding(report, Severity.ERROR, "names", 0, "clients use 127.000.000.001");
        assertTrue(padded.fix().contains("as 127.0.0.1"), padded.fix());
        for (String name : List.of("board.lab.example.", "x.lab", "127.000.000.001")) {
            boolean clientAccepts = okhttp3.internal.tls.OkHostnameVerifier.INSTANCE.verify(name, leaf.cert());
            boolean doctorAccepts = report.findings().stream().anyMatch(f -> f.check().equals("names")
                    && f.severity() == Severity.INFO && f.message().startsWith("clients use " + name + ":"));
            assertEquals(clientAccepts, doctorAccepts, name);
        }
    }

    @Test
    void expiredLeaf() {
        Issued expired = leaf("127.0.0.1").valid(Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35))).issuedBy(INTERMEDIATE);

        DoctorReport report = examine(TRUST_ROOT, expired, INTERMEDIATE);

        assertFinding(report, Severity.ERROR, "validity", 0, "expired on");
        assertFinding(report, Severity.ERROR, "trust", 0, "PKIX");
    }

    @Test
    void leafExpiringSoonAndNotYetValid() {
        Issued soon = leaf("127.0.0.1").valid(Instant.now().minus(Duration.ofDays(10)),
                Instant.now().plus(Duration.ofDays(5))).issuedBy(INTERMEDIATE);
        Issued future = leaf("127.0.0.1").valid(Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(5))).issuedBy(INTERMEDIATE);

        assertFinding(examine(TRUST_ROOT, soon, INTERMEDIATE), Severity.WARNING, "validity", 0, "expires on");
        assertFinding(examine(TRUST_ROOT, future, INTERMEDIATE), Severity.ERROR, "validity", 0, "not valid yet");
    }

    @Test
    void boardClockIn1970() {
        DoctorReport report = examine(builder(LEAF, INTERMEDIATE).trust(TRUST_ROOT)
                .deviceTime(Instant.parse("1970-01-01T00:00:07Z")));

        Finding finding = assertFinding(report, Severity.ERROR, "validity", 0, "board clock not set");
        assertTrue(finding.message().contains("starts at 1970"), finding.message());
        assertTrue(finding.message().contains("(also #1)"), finding.message());
        assertEquals("validity#0", errors(report), "one finding for one cause");
    }

    @Test
    void boardClockThatIsRightIsFine() {
        assertNoErrors(examine(builder(LEAF, INTERMEDIATE).trust(TRUST_ROOT).deviceTime(Instant.now())));
    }

    @Test
    void weakAlgorithmsAndCurves() {
        Issued smallRsa = leaf("127.0.0.1").keys(TestCertificates.rsa(1024)).issuedBy(INTERMEDIATE);
        Issued k1 = leaf("127.0.0.1").keys(TestCertificates.ec("secp256k1")).issuedBy(INTERMEDIATE);
        Issued sha1 = leaf("127.0.0.1").signedWith("SHA1withECDSA").issuedBy(INTERMEDIATE);

        assertFinding(examine(TRUST_ROOT, smallRsa, INTERMEDIATE), Severity.ERROR, "algorithms", 0, "RSA 1024");
        assertFinding(examine(TRUST_ROOT, k1, INTERMEDIATE), Severity.ERROR, "algorithms", 0, "secp256k1");
        assertFinding(examine(TRUST_ROOT, sha1, INTERMEDIATE), Severity.ERROR, "algorithms", 0, "SHA1withECDSA");
        assertNoErrors(examine(TRUST_ROOT, leaf("127.0.0.1").keys(RSA_2048).issuedBy(INTERMEDIATE),
                INTERMEDIATE));
    }

    @Test
    void keyUsageAndExtendedKeyUsage() {
        Issued noSignature = leaf("127.0.0.1").keyUsage(KeyUsage.keyAgreement).issuedBy(INTERMEDIATE);
        Issued clientOnly = leaf("127.0.0.1").purpose(KeyPurposeId.id_kp_clientAuth).issuedBy(INTERMEDIATE);
        Issued noCertSign = ca("No Cert Sign").pathLen(0).keyUsage(KeyUsage.digitalSignature).issuedBy(ROOT);

        assertFinding(examine(TRUST_ROOT, noSignature, INTERMEDIATE), Severity.ERROR, "constraints", 0,
                "lacks digitalSignature");
        assertFinding(examine(TRUST_ROOT, clientOnly, INTERMEDIATE), Severity.ERROR, "constraints", 0, "serverAuth");
        assertFinding(examine(TRUST_ROOT, leaf("127.0.0.1").issuedBy(noCertSign), noCertSign), Severity.ERROR,
                "constraints", 1, "keyCertSign");
    }

    @Test
    void privateKeyIsMatchedAgainstTheLeaf() {
        DoctorReport matching = examine(builder(LEAF, INTERMEDIATE).trust(TRUST_ROOT).key(LEAF.privateKey(), null));
        DoctorReport intermediateKey = examine(builder(LEAF, INTERMEDIATE).trust(TRUST_ROOT)
                .key(INTERMEDIATE.privateKey(), null));
        DoctorReport unrelated = examine(builder(LEAF, INTERMEDIATE).trust(TRUST_ROOT)
                .key(RSA_2048.getPrivate(), null));

        assertFinding(matching, Severity.INFO, "key", 0, "matches the leaf");
        assertNoErrors(matching);
        assertFinding(intermediateKey, Severity.ERROR, "key", 0, "it belongs to #1");
        assertFinding(unrelated, Severity.ERROR, "key", 0, "does not match the leaf");
    }

    @Test
    void chainSizeAgainstTheBoardsOutputBuffer() {
        Issued rsaIntermediate = ca("Big Intermediate").pathLen(0).keys(RSA_2048).issuedBy(ROOT);
        Issued rsaLeaf = leaf("127.0.0.1").keys(RSA_2048).issuedBy(rsaIntermediate);
        int message = SizeCheck.certificateMessageBytes(List.of(rsaLeaf.cert(), rsaIntermediate.cert()));

        DoctorReport tooBig = examine(builder(rsaLeaf, rsaIntermediate).trust(TRUST_ROOT).outContentLen(1024));
        DoctorReport fits = examine(builder(rsaLeaf, rsaIntermediate).trust(TRUST_ROOT).outContentLen(16384));
        DoctorReport exact = examine(builder(rsaLeaf, rsaIntermediate).trust(TRUST_ROOT).outContentLen(message));

        assertFinding(tooBig, Severity.ERROR, "size", null, "-0x7500");
        assertFinding(fits, Severity.INFO, "size", null, "fits");
        assertNoErrors(fits);
        assertFinding(exact, Severity.WARNING, "size", null, "within 10%");
    }

    @Test
    void jsonReportCarriesFindingsAndChain() throws Exception {
        DoctorReport report = examine(Trust.system(), leaf("127.0.0.1").selfSigned());

        JsonNode json = Json.mapper().readTree(ReportRenderer.json(report));

        assertEquals("problems", json.get("verdict").asText());
        assertEquals("leaf (self-signed)", json.get("chain").get(0).get("role").asText());
        JsonNode first = json.get("findings").get(0);
        assertEquals("ERROR", first.get("severity").asText());
        assertEquals("trust", first.get("check").asText());
        assertEquals(0, first.get("cert").asInt());
    }

    @Test
    void tableNamesEveryFindingWithItsFix() {
        DoctorReport report = examine(Trust.system(), leaf("127.0.0.1").selfSigned());

        String table = ReportRenderer.table(report);

        assertTrue(table.contains("ERROR    trust        #0    self-signed leaf"), table);
        assertTrue(table.contains("fix: issue the leaf from a lab CA"), table);
        assertTrue(table.contains("verdict: problems (1 error(s)"), table);
    }
}
