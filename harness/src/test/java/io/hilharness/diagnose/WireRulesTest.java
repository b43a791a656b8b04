package io.hilharness.diagnose;

import static io.hilharness.diagnose.Synthetic.Lines.closed;
import static io.hilharness.diagnose.Synthetic.Lines.done;
import static io.hilharness.diagnose.Synthetic.Lines.handshakeFailed;
import static io.hilharness.diagnose.Synthetic.Lines.request;
import static io.hilharness.diagnose.Synthetic.Lines.sent;
import static io.hilharness.diagnose.Synthetic.Lines.serverFlight;
import static io.hilharness.diagnose.Synthetic.Lines.setupFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.capture.CloseKind;
import io.hilharness.capture.Side;
import io.hilharness.capture.WireEvidence;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.ServerIdentity;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.diagnose.Synthetic.Conn;
import io.hilharness.diagnose.rules.CertificateChangeRule;
import io.hilharness.diagnose.rules.CertificateRejectedRule;
import io.hilharness.diagnose.rules.ClosedMidBodyRule;
import io.hilharness.diagnose.rules.ServerResetRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules that read the packet capture, on synthetic journals joined with synthetic wire.json. */
class WireRulesTest {
    private static final byte[] CERT_A = leaf("board-a");
    private static final byte[] CERT_B = leaf("board-b");

    private static byte[] leaf(String cn) {
        try {
            return LabPki.selfSignedLeaf(new ServerIdentity(cn, List.of("127.0.0.1"), List.of())).leaf().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Finding> finding(Evidence evidence, String rule) {
        return Diagnoser.standard().diagnose(evidence).findings().stream().filter(f -> f.rule().equals(rule)).findFirst();
    }

    private static List<String> wireLines(Finding f) {
        return DiagnosisText.details(f).stream().filter(l -> l.trim().startsWith("wire: ")).toList();
    }

    // --- server-reset ---

    private static Conn allocFailure() {
        return Synthetic.conn(Outcome.RESET, "closed by peer before a response").line(setupFailed())
                .line(closed("error -0x7f00", -0x7F00));
    }

    private static Evidence tinyHeap() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < 3; r++) {
                s.parallel(Synthetic.ok().lasting(50), Synthetic.ok().lasting(50), allocFailure().lasting(50),
                        allocFailure().lasting(50));
            }
        }
        return s.evidence();
    }

    @Test
    void theBoardResettingUnansweredClientHellosUnderParallelLoadIsFound() {
        Evidence journal = tinyHeap();
        Evidence evidence = journal.withWire(SyntheticWire.of(journal,
                c -> c.failed() ? SyntheticWire.droppedAfterClientHello() : SyntheticWire.ok(CERT_A)));

        Finding f = finding(evidence, "server-reset").orElseThrow();
        assertTrue(f.rootCause().startsWith("The board dropped 12 of 12 failed connections without answering the client: "
                + "on the wire it reset them with the client's ClientHello unanswered, having sent nothing itself."), f.rootCause());
        assertTrue(f.rootCause().contains("under parallel load"), f.rootCause());
        assertEquals("12 of 12", f.facts().get("board sent nothing before the reset"));
        assertEquals("ClientHello: 12", f.facts().get("client's last record before the reset"));
        assertEquals("12 of 12", f.facts().get("board logged running out of resources for them"));
        EvidenceItem first = f.evidence().get(0);
        assertTrue(first.deviceLines().get(0).text().contains("mbedtls_ssl_setup failed"), "console evidence beside the wire");
        assertEquals(List.of("client", "board", "board"), first.wire().stream().map(WireRef::from).toList());
        assertEquals("ClientHello", first.wire().get(0).what());
        assertEquals("FIN (first to close)", first.wire().get(1).what());
        assertEquals("RST", first.wire().get(2).what());
        assertTrue(wireLines(f).get(0).trim().matches("wire: tcp\\.stream \\d+, frame 4, client -> board: ClientHello"),
                wireLines(f).toString());
        assertTrue(f.confidence() >= 0.85, "parallel and out of memory: " + f.confidence());
    }

    @Test
    void noCaptureOrAClientThatEndedTheHandshakeItselfIsNoServerReset() {
        Evidence journal = tinyHeap();
        assertTrue(new ServerResetRule().evaluate(journal).isEmpty(), "without wire.json the rule has nothing to say");
        assertTrue(new ServerResetRule().evaluate(journal.withWire(WireEvidence.unavailable("no capture: test", 8443))).isEmpty());
        // the client sent an alert and the board reset what it had not read: the client ended it, not the board
        Evidence alerted = journal.withWire(SyntheticWire.of(journal, c -> c.failed()
                ? SyntheticWire.rejected(46, CERT_A).reset(Side.SERVER) : SyntheticWire.ok(CERT_A)));
        assertTrue(new ServerResetRule().evaluate(alerted).isEmpty());
        // the board answered with its flight, then the client closed: no reset at all
        Evidence answered = journal.withWire(SyntheticWire.of(journal, c -> SyntheticWire.ok(CERT_A)));
        assertTrue(new ServerResetRule().evaluate(answered).isEmpty());
    }

    // --- closed-mid-body ---

    private static Conn fetched(String path, long size, long received) {
        boolean whole = received == size;
        return (whole ? Synthetic.conn(Outcome.OK, null) : Synthetic.conn(Outcome.TRUNCATED, "unexpected end of stream"))
                .lines(serverFlight()).line(done()).line(request(path)).line(sent(path, size))
                .line(closed("done", null))
                .exchange(new Exchange(path, 200, size, received, whole ? true : null, 5,
                        whole ? Outcome.OK : Outcome.TRUNCATED, whole ? null : "unexpected end of stream"));
    }

    private static Evidence partialWrite() {
        Synthetic s = new Synthetic().boot();
        for (int r = 0; r < 3; r++) {
            s.sequential(fetched("/dashboard.html", 18_000, 18_000), fetched("/style.css", 117_208, 65_536));
        }
        return s.evidence();
    }

    @Test
    void theBoardClosingBeforeContentLengthIsFoundWithItsFinOnTheWire() {
        Evidence journal = partialWrite();
        Evidence evidence = journal.withWire(SyntheticWire.of(journal,
                c -> c.failed() ? SyntheticWire.cutByBoard(65_600) : SyntheticWire.ok(CERT_A)));

        Finding f = finding(evidence, "closed-mid-body").orElseThrow();
        assertEquals("3 of 3", f.facts().get("short bodies the board closed first on the wire"));
        assertEquals("FIN: 3, RST: 0", f.facts().get("how the board closed"));
        assertEquals("3 of 3", f.facts().get("board logged the whole response as sent"));
        assertTrue(f.rootCause().contains("its FIN came before the response reached its Content-Length"), f.rootCause());
        assertEquals(0.85, f.confidence());
        EvidenceItem item = f.evidence().get(0);
        assertTrue(item.note().startsWith("/style.css: received 65536 of 117208 bytes, then the board closed (FIN)"), item.note());
        assertTrue(item.deviceLines().stream().anyMatch(l -> l.text().contains("sent 117208 bytes of /style.css")));
        assertEquals("board", item.wire().get(item.wire().size() - 1).from());
        assertEquals("FIN (first to close)", item.wire().get(item.wire().size() - 1).what());
        // the truncation rule still explains the size pattern; the wire rule says where the bytes stopped
        assertTrue(finding(evidence, "truncation").isPresent());
    }

    @Test
    void aClientThatGaveUpFirstIsNotTheBoardClosingMidBody() {
        Evidence journal = partialWrite();
        Evidence clientClosed = journal.withWire(SyntheticWire.of(journal, c -> c.failed()
                ? SyntheticWire.conversation().client(22, 1).server(null, 2, 11, 12, 14).client(22, 16)
                        .close(Side.CLIENT, CloseKind.FIN).close(Side.SERVER, CloseKind.FIN)
                : SyntheticWire.ok(CERT_A)));
        assertTrue(new ClosedMidBodyRule().evaluate(clientClosed).isEmpty());
        assertTrue(new ClosedMidBodyRule().evaluate(journal).isEmpty(), "no capture");
    }

    // --- certificate-changed ---

    private static Evidence twoBoots(int connectionsPerBoot) {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < connectionsPerBoot; r++) {
                s.sequential(b == 0 ? Synthetic.ok() : Synthetic.conn(Outcome.CERT_REJECTED, "PKIX path building failed")
                        .lines(serverFlight()).line(handshakeFailed(-0x7780)));
            }
        }
        return s.evidence();
    }

    @Test
    void aCertificateMessageThatDiffersBetweenBootsIsFound() {
        Evidence journal = twoBoots(3);
        Evidence evidence = journal.withWire(SyntheticWire.of(journal, c -> c.boot() == 1 ? SyntheticWire.ok(CERT_A)
                : SyntheticWire.rejected(46, CERT_B)));

        Finding f = finding(evidence, "certificate-changed").orElseThrow();
        assertTrue(f.rootCause().startsWith("The board sends a different certificate chain depending on the boot: the "
                + "Certificate message on the wire took 2 different forms over 2 boots"), f.rootCause());
        assertTrue(f.facts().get("boot 1").startsWith("leaf 'CN=board-a'"), f.facts().toString());
        assertTrue(f.facts().get("boot 1").endsWith("(3 connections, 0 failed)"), f.facts().toString());
        assertTrue(f.facts().get("boot 2").startsWith("leaf 'CN=board-b'"), f.facts().toString());
        assertTrue(f.facts().get("boot 2").endsWith("(3 connections, 3 failed)"), f.facts().toString());
        assertFalse(f.facts().containsKey("boots with more than one chain"));
        assertEquals(2, f.evidence().size(), "one connection per chain");
        for (EvidenceItem item : f.evidence()) {
            assertEquals(1, item.wire().size());
            assertTrue(item.wire().get(0).what().contains("Certificate"), item.wire().toString());
            assertEquals("board", item.wire().get(0).from());
            assertFalse(item.deviceLines().isEmpty(), "the board's state line beside the packet");
        }
    }

    @Test
    void theSameCertificateInEveryBootOrOneBootOnlyIsNoChange() {
        Evidence journal = twoBoots(3);
        Evidence same = journal.withWire(SyntheticWire.of(journal, c -> c.boot() == 1 ? SyntheticWire.ok(CERT_A)
                : SyntheticWire.rejected(46, CERT_A)));
        assertTrue(new CertificateChangeRule().evaluate(same).isEmpty());
        Synthetic oneBoot = new Synthetic().boot().sequential(Synthetic.ok(), Synthetic.conn(Outcome.RESET, "reset"));
        Evidence one = oneBoot.evidence();
        Evidence within = one.withWire(SyntheticWire.of(one, c -> c.failed() ? SyntheticWire.ok(CERT_B) : SyntheticWire.ok(CERT_A)));
        assertTrue(new CertificateChangeRule().evaluate(within).isEmpty(), "one boot: nothing to compare between boots");
    }

    // --- certificate-rejected with the wire ---

    @Test
    void aClientAlertSeenOnlyOnTheWireCountsAndIsCitedBesideTheConsole() {
        // Chromium-like: the board was still writing its flight, so it logged a reset, not the alert
        Synthetic s = new Synthetic().boot();
        for (int r = 0; r < 4; r++) {
            s.sequential(Synthetic.conn(Outcome.ERROR, "net::ERR_CONNECTION_CLOSED").lines(serverFlight())
                    .line(handshakeFailed(-0x0050)));
        }
        Evidence journal = s.evidence();
        Evidence evidence = journal.withWire(SyntheticWire.of(journal, c -> SyntheticWire.rejected(46, CERT_A)));

        Finding f = new CertificateRejectedRule().evaluate(evidence).get(0);
        assertEquals("4 of 4", f.facts().get("handshakes rejected"));
        assertTrue(f.facts().get("on the wire").startsWith("client sent fatal alert 46 certificate_unknown in 4 of 4 "
                + "captured rejected handshakes (tcp.stream 0, 1, 2, 3)"), f.facts().get("on the wire"));
        assertEquals(0.95, f.confidence(), "named by the alert on the wire, not only an abort");
        EvidenceItem item = f.evidence().get(0);
        assertEquals("client sent a certificate alert", item.note());
        assertFalse(item.deviceLines().isEmpty());
        assertTrue(item.wire().stream().anyMatch(w -> w.from().equals("board") && w.what().contains("Certificate")));
        assertTrue(item.wire().stream().anyMatch(w -> w.from().equals("client")
                && w.what().equals("fatal alert 46 certificate_unknown")), item.wire().toString());
        assertTrue(DiagnosisText.render(Diagnoser.standard().diagnose(evidence))
                .contains("wire: tcp.stream 0, frame 6, client -> board: fatal alert 46 certificate_unknown"));

        // without the capture the same run is only aborts: less certain, and no wire fact
        Finding offline = new CertificateRejectedRule().evaluate(journal).get(0);
        assertEquals(0.8, offline.confidence());
        assertFalse(offline.facts().containsKey("on the wire"));
        assertTrue(offline.evidence().get(0).wire().isEmpty());
    }
}
