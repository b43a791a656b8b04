package io.hilharness.diagnose;

import static io.hilharness.diagnose.Synthetic.Lines.closed;
import static io.hilharness.diagnose.Synthetic.Lines.handshakeFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.diagnose.Synthetic.Conn;
import io.hilharness.diagnose.rules.CertificateUnusableRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board refusing its own certificate, from its mbedTLS 2.28 lines as the eku-client-only image logs them. */
class CertificateUnusableRuleTest {
    private static Conn refused() {
        return Synthetic.conn(Outcome.SERVER_ALERT, "handshake_failure")
                .line(b -> b.type(EventType.CONNECTION_ACCEPTED).message("accepted connection from 127.0.0.1"))
                .line(b -> b.type(EventType.ERROR).severity(Severity.ERROR)
                        .message("got ciphersuites in common, but none of them usable"))
                .line(handshakeFailed(-0x6980)).line(closed("error -0x6980", -0x6980));
    }

    @Test
    void everyHandshakeRefusedByTheBoardIsItsFinding() {
        Synthetic s = new Synthetic().boot().rounds(4, i -> refused());
        Finding f = new CertificateUnusableRule().evaluate(s.evidence()).get(0);
        assertEquals("4 of 4", f.facts().get("handshakes the board refused"));
        assertEquals(List.of("b1r1c1", "b1r2c1", "b1r3c1", "b1r4c1"), f.explains());
        assertTrue(f.evidence().get(0).deviceLines().get(0).text().contains("none of them usable"), f.evidence().toString());
        // No image named "synthetic" is built: the doctor has nothing to examine, and the finding says so.
        assertTrue(f.facts().get("image examined").startsWith("none"), f.facts().toString());
        assertEquals(0.7, f.confidence());
    }

    @Test
    void refusalsThatStopAfterBootAreNotTheCertificates() {
        // boot-race: the board logs the same line until its certificate is loaded, then serves.
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot().rounds(10, i -> i <= 2 ? refused() : Synthetic.ok());
        }
        assertTrue(new CertificateUnusableRule().evaluate(s.evidence()).isEmpty());
    }

    @Test
    void aKeyThatDoesNotMatchStopsTheBoot() {
        Synthetic s = new Synthetic().bootNotReady("no ready line within 20 s; last console lines: 2: main.c 156: "
                + "ERROR: private key does not match certificate: certs/key.pem: -0x3f00");
        Finding f = new CertificateUnusableRule().evaluate(s.evidence()).get(0);
        assertEquals("1", f.facts().get("boots stopped by a key that does not match"));
        assertTrue(f.explains().isEmpty());
    }
}
