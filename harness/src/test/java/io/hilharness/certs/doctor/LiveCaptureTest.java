package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.TestCertificates.ca;
import static io.hilharness.certs.doctor.TestCertificates.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.TestCertificates.Issued;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain is captured exactly as a loopback server sends it, in its order, also when the client rejects it. */
class LiveCaptureTest {

    private static final Issued ROOT = ca("Live Root").pathLen(1).selfSigned();
    private static final Issued UPPER = ca("Live Upper").pathLen(0).issuedBy(ROOT);
    private static final Issued LOWER = ca("Live Lower").issuedBy(UPPER);
    private static final Issued LEAF = leaf("127.0.0.1").issuedBy(LOWER);
    private static final Trust TRUST_ROOT = Trust.caFile(Path.of("root.pem"), List.of(ROOT.cert()));

    @Test
    void wrongOrderIsCapturedAsSentAndDiagnosed() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(LEAF.privateKey(), LEAF.cert(), UPPER.cert(), LOWER.cert())) {
            LiveCapture.Captured captured = LiveCapture.capture("127.0.0.1", server.port(), TRUST_ROOT,
                    Duration.ofSeconds(10));

            assertEquals(List.of(LEAF.cert(), UPPER.cert(), LOWER.cert()), captured.chain());
            DoctorReport report = CertDoctor.standard().examine(DoctorInput.builder(server.endpoint(), captured.chain())
                    .trust(TRUST_ROOT).clientNames(List.of("127.0.0.1")).handshake(captured.handshake()).build());
            assertTrue(report.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR
                    && f.check().equals("chain") && Integer.valueOf(2).equals(f.cert())), ReportRenderer.table(report));
            // ... and a pathLen 0 CA above another CA: the doctor names the constrained certificate as sent (#1).
            assertTrue(report.findings().stream().anyMatch(f -> f.check().equals("constraints")
                    && Integer.valueOf(1).equals(f.cert()) && f.message().contains("pathLenConstraint 0")),
                    ReportRenderer.table(report));
        }
    }

    @Test
    void chainIsCapturedAlsoWhenTheClientRejectsIt() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(LEAF.privateKey(), LEAF.cert(), LOWER.cert())) {
            LiveCapture.Captured captured = LiveCapture.capture("127.0.0.1", server.port(), Trust.system(),
                    Duration.ofSeconds(10));

            List<X509Certificate> expected = List.of(LEAF.cert(), LOWER.cert());
            assertEquals(expected, captured.chain());
            assertEquals("CERT_REJECTED", captured.handshake().outcome());
            assertTrue(captured.handshake().detail().contains("PKIX"), captured.handshake().detail());
        }
    }

    @Test
    void goodChainCompletesTheHandshake() throws Exception {
        Issued intermediate = ca("Live Intermediate").pathLen(0).issuedBy(ROOT);
        Issued leaf = leaf("127.0.0.1").issuedBy(intermediate);
        try (LoopbackTlsServer server = new LoopbackTlsServer(leaf.privateKey(), leaf.cert(), intermediate.cert())) {
            LiveCapture.Captured captured = LiveCapture.capture("127.0.0.1", server.port(), TRUST_ROOT,
                    Duration.ofSeconds(10));

            DoctorReport report = CertDoctor.standard().examine(DoctorInput.builder(server.endpoint(), captured.chain())
                    .trust(TRUST_ROOT).clientNames(List.of("127.0.0.1")).handshake(captured.handshake()).build());
            assertEquals("ok", report.verdict(), ReportRenderer.table(report));
            assertEquals("OK", captured.handshake().outcome());
        }
    }
}
