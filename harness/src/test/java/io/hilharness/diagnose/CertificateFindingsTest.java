package io.hilharness.diagnose;

import static io.hilharness.diagnose.Synthetic.Lines.alert;
import static io.hilharness.diagnose.Synthetic.Lines.closeNotify;
import static io.hilharness.diagnose.Synthetic.Lines.closed;
import static io.hilharness.diagnose.Synthetic.Lines.done;
import static io.hilharness.diagnose.Synthetic.Lines.handshakeFailed;
import static io.hilharness.diagnose.Synthetic.Lines.serverFlight;
import static io.hilharness.diagnose.Synthetic.Lines.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.LabCa;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.ServerIdentity;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.Synthetic.Conn;
import io.hilharness.diagnose.rules.CertificateRejectedRule;
import io.hilharness.diagnose.rules.HostnameMismatchRule;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The certificate findings must not depend on the client: each client's way of rejecting a
 * certificate, as the board logs it, is recognised even when the client's own outcome is unknown.
 */
class CertificateFindingsTest {
    private static final String UNKNOWN = "client outcome unknown";

    private static Evidence campaign(IntFunction<Conn[]> round) {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot();
            for (int r = 1; r <= 4; r++) {
                s.sequential(round.apply(r));
            }
        }
        return s.evidence();
    }

    private static Finding top(Evidence evidence) {
        Diagnosis d = Diagnoser.standard().diagnose(evidence);
        assertFalse(d.findings().isEmpty(), "no finding");
        return d.top().orElseThrow();
    }

    /** JSSE via OkHttp: its own PKIX verdict, and alert 46 on the board. */
    @Test
    void clientVerdictWithTheChainsReason() {
        List<String> chain = LabPki.selfSignedLeaf(ServerIdentity.forIp("127.0.0.1")).chain().stream()
                .map(PemCertificates::encode).toList();
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.CERT_REJECTED,
                "PKIX path building failed: unable to find valid certification path to requested target")
                .chain(chain).lines(serverFlight()).line(alert(2, 46)).line(handshakeFailed(-0x7780))
                .line(closed("error -0x7780", -0x7780))});

        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        assertTrue(f.rootCause().contains("self-signed"), f.rootCause());
        assertTrue(f.rootCause().contains("12 of 12"), f.rootCause());
        assertTrue(f.fix().contains("self-signed"), f.fix());
        assertTrue(f.facts().get("client reason").contains("PKIX"));
        assertTrue(f.confidence() >= 0.9, "confidence " + f.confidence());
        // Evidence a human can check: connection id, port, and the alert's line in the capture.
        EvidenceItem item = f.evidence().get(0);
        ConnectionFacts cited = evidence.connections().stream().filter(c -> c.id().equals(item.connection()))
                .findFirst().orElseThrow();
        assertEquals(cited.port(), item.port());
        DeviceEvent alertLine = cited.first(EventType.ALERT_RECEIVED).orElseThrow();
        assertTrue(item.deviceLines().stream().anyMatch(l -> l.line() == alertLine.seq()
                && l.offset() == alertLine.offset() && l.text().contains("[2:46]")), item.deviceLines().toString());
    }

    /**
     * Of the connections rejected the same way, the example cited is one the board logged too: a browser's
     * connection the board has no lines for (a spare one, or one whose lines were lost) says less.
     */
    @Test
    void theExampleOfARejectionIsOneTheBoardLogged() {
        String chromium = "ERR_CERT_AUTHORITY_INVALID; sent alert fatal 46";
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.CERT_REJECTED, chromium),
            Synthetic.conn(Outcome.CERT_REJECTED, chromium).lines(serverFlight()).line(alert(2, 46))
                    .line(handshakeFailed(-0x7780)).line(closed("error -0x7780", -0x7780))});

        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        EvidenceItem first = f.evidence().get(0);
        assertTrue(first.deviceLines().stream().anyMatch(l -> l.text().contains("[2:46]")), f.evidence().toString());
    }

    /** Chromium: alert 46 on the first connection, its second one reset (-0x0050) before the certificate. */
    @Test
    void chromiumSignatureFromTheBoardAlone() {
        Evidence evidence = campaign(r -> new Conn[] {
            Synthetic.conn(Outcome.ERROR, UNKNOWN).lines(serverFlight()).line(alert(2, 46))
                    .line(handshakeFailed(-0x7780)).line(closed("error -0x7780", -0x7780)),
            Synthetic.conn(Outcome.ERROR, UNKNOWN).line(b -> b.type(EventType.HANDSHAKE_START).message("=> handshake"))
                    .line(state(1)).line(handshakeFailed(-0x0050)).line(closed("error -0x0050", -0x0050))});
        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        assertTrue(f.rootCause().contains("24 of 24"), f.rootCause());
        assertTrue(f.facts().get("how the board saw it").contains("alert 46 certificate_unknown: 12"), f.facts().toString());
    }

    /** curl/OpenSSL: alert 48 unknown_ca. */
    @Test
    void curlSignatureFromTheBoardAlone() {
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.ERROR, UNKNOWN).lines(serverFlight())
                .line(alert(2, 48)).line(handshakeFailed(-0x7780)).line(closed("error -0x7780", -0x7780))});
        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        assertTrue(f.rootCause().contains("unknown_ca"), f.rootCause());
        assertTrue(f.fix().contains("trust"), f.fix());
    }

    /** The JDK's java.net.http client: no alert, the board logs an EOF right after its certificate. */
    @Test
    void jdkSignatureFromTheBoardAlone() {
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.ERROR, UNKNOWN).lines(serverFlight())
                .line(handshakeFailed(-0x7280)).line(closed("error -0x7280", -0x7280))});
        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        assertTrue(f.facts().get("how the board saw it").contains("EOF (-0x7280): 12"), f.facts().toString());
        assertTrue(f.confidence() < 0.9, "an EOF alone is weaker evidence than an alert: " + f.confidence());
    }

    @Test
    void anOccasionalEofAfterTheCertificateIsNotACertificateProblem() {
        Synthetic s = new Synthetic().boot();
        s.rounds(20, i -> i % 10 == 0 ? Synthetic.conn(Outcome.RESET, "closed by peer").lines(serverFlight())
                .line(handshakeFailed(-0x7280)) : Synthetic.ok());
        assertTrue(new CertificateRejectedRule().evaluate(s.evidence()).isEmpty());
    }

    @Test
    void timeoutsAreNotRejections() {
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.TIMEOUT, "timeout").lines(serverFlight())
                .line(handshakeFailed(-0x7280))});
        assertTrue(new CertificateRejectedRule().evaluate(evidence).isEmpty());
    }

    /** A CA with pathLen 0 that signed another CA: the reason comes from the chain the client recorded. */
    @Test
    void pathLenViolationIsNamedWithItsFix() {
        LabCa intermediate = LabCa.newRoot("lab root").newIntermediate("lab intermediate");
        LabCa tooDeep = intermediate.newIntermediate("second intermediate");
        List<String> chain = tooDeep.issueServer(ServerIdentity.forIp("127.0.0.1")).chain().stream()
                .map(PemCertificates::encode).toList();
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.CERT_REJECTED,
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check "
                        + "failed: pathLenConstraint violated - this cert must be the last cert in the certification path")
                .chain(chain).lines(serverFlight()).line(alert(2, 46)).line(handshakeFailed(-0x7780))});
        Finding f = top(evidence);
        assertEquals("certificate-rejected", f.rule());
        assertTrue(f.rootCause().contains("pathLenConstraint 0"), f.rootCause());
        assertTrue(f.fix().contains("pathLen"), f.fix());
        // The certificate doctor examined the same chain and names the same fault first.
        String doctor = f.facts().get("certificate doctor");
        assertTrue(doctor != null && doctor.toLowerCase().contains("pathlen"), f.facts().toString());
    }

    /** The violating CA may be the trust anchor, which the board does not send: the client's reason then decides. */
    @Test
    void pathLenViolationNamedByTheClientAlone() {
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.CERT_REJECTED,
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check "
                        + "failed: pathLenConstraint violated - this cert must be the last cert in the certification path")
                .lines(serverFlight()).line(alert(2, 46)).line(handshakeFailed(-0x7780))});
        Finding f = top(evidence);
        assertTrue(f.rootCause().contains("pathLenConstraint violated"), f.rootCause());
        assertTrue(f.fix().contains("pathLen"), f.fix());
    }

    /** OkHttp checks the name after the handshake, then closes: close_notify (-0x7880) before any request. */
    @Test
    void hostnameMismatchIsItsOwnFindingAndNotARejection() {
        Conn mismatch = Synthetic.conn(Outcome.HOSTNAME_MISMATCH, "Hostname 127.0.0.1 not verified")
                .lines(serverFlight()).line(done()).line(alert(1, 0)).line(closeNotify())
                .line(closed("close notify", null));
        Evidence evidence = campaign(r -> new Conn[] {mismatch});
        assertTrue(new CertificateRejectedRule().evaluate(evidence).isEmpty());
        Finding f = top(evidence);
        assertEquals("hostname-mismatch", f.rule());
        assertTrue(f.rootCause().contains("127.0.0.1:8443"), f.rootCause());
        assertTrue(f.fix().contains("subjectAltName"));
    }

    @Test
    void hostnameMismatchFromTheBoardAlone() {
        Evidence evidence = campaign(r -> new Conn[] {Synthetic.conn(Outcome.ERROR, UNKNOWN).lines(serverFlight())
                .line(done()).line(alert(1, 0)).line(closeNotify())
                .line(b -> b.type(EventType.DEBUG_RETURN).code(-0x7880).message("mbedtls_ssl_read() returned -30848 (-0x7880)"))
                .line(closed("close notify", null))});
        Finding f = top(evidence);
        assertEquals("hostname-mismatch", f.rule());
        assertEquals(Set.of("hostname-mismatch"), Diagnoser.standard().diagnose(evidence).findings().stream()
                .map(Finding::rule).collect(Collectors.toSet()));
        assertTrue(new HostnameMismatchRule().evaluate(campaign(r -> new Conn[] {Synthetic.ok()})).isEmpty());
    }
}
