package io.hilharness.diagnose;

import static io.hilharness.diagnose.Synthetic.Lines.closed;
import static io.hilharness.diagnose.Synthetic.Lines.done;
import static io.hilharness.diagnose.Synthetic.Lines.request;
import static io.hilharness.diagnose.Synthetic.Lines.sent;
import static io.hilharness.diagnose.Synthetic.Lines.serverFlight;
import static io.hilharness.diagnose.Synthetic.Lines.setupFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.diagnose.Synthetic.Conn;
import io.hilharness.diagnose.rules.BootWindowRule;
import io.hilharness.diagnose.rules.ConcurrencyRule;
import io.hilharness.diagnose.rules.HangRule;
import io.hilharness.diagnose.rules.LeakRule;
import io.hilharness.diagnose.rules.RebootDependenceRule;
import io.hilharness.diagnose.rules.TruncationRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each pattern rule on evidence that shows its pattern, and on evidence that must not trigger it. */
class PatternRulesTest {

    private static Finding top(Evidence evidence) {
        return Diagnoser.standard().diagnose(evidence).top().orElseThrow(() -> new AssertionError("no finding"));
    }

    private static Conn allocFailure() {
        return Synthetic.conn(Outcome.RESET, "closed by peer before a response").line(setupFailed())
                .line(closed("error -0x7f00", -0x7F00));
    }

    // --- concurrency ---

    /** A board with room for two sessions: in every round of six parallel connections, the third on fail. */
    private static Evidence tinyHeap(boolean parallel) {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot();
            for (int r = 0; r < 5; r++) {
                Conn[] round = {Synthetic.ok().lasting(50), Synthetic.ok().lasting(50), allocFailure().lasting(50),
                    allocFailure().lasting(50), allocFailure().lasting(50), allocFailure().lasting(50)};
                if (parallel) {
                    s.parallel(round);
                } else {
                    s.sequential(Synthetic.ok(), Synthetic.ok());
                }
            }
        }
        return s.evidence();
    }

    @Test
    void failuresOnlyUnderConcurrency() {
        Evidence evidence = tinyHeap(true);
        Finding f = top(evidence);
        assertEquals("concurrency", f.rule());
        assertTrue(f.rootCause().startsWith("The board cannot serve more than 2 connection(s) at once"), f.rootCause());
        assertEquals("1: 0/15, 2: 0/15, 3: 15/15, 4: 15/15, 5: 15/15, 6: 15/15",
                f.facts().get("failure rate by connections open at once"));
        assertEquals("60", f.facts().get("connections the board failed for lack of resources"));
        assertTrue(f.evidence().get(0).deviceLines().get(0).text().contains("mbedtls_ssl_setup failed"));
        assertTrue(f.confidence() > 0.9);
    }

    @Test
    void concurrencyNeedsMoreThanOneLevelAndALimit() {
        assertTrue(new ConcurrencyRule().evaluate(tinyHeap(false)).isEmpty(), "sequential: nothing to compare");
        Synthetic allFail = new Synthetic().boot();
        for (int r = 0; r < 5; r++) {
            allFail.parallel(allocFailure(), allocFailure(), allocFailure(), allocFailure());
        }
        assertTrue(new ConcurrencyRule().evaluate(allFail.evidence()).isEmpty(), "failing at every level is no limit");
    }

    /**
     * Connection threads log in any order: here the refused connections' first lines come before the one
     * holding the only session, so the counts show no limit; the board's out-of-resource lines while
     * another connection was on it still name the cause.
     */
    @Test
    void concurrencyFromTheBoardsOutOfResourceLinesWhenTheLogOrderHidesTheLimit() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < 5; r++) {
                s.parallel(allocFailure().lasting(5), allocFailure().lasting(5), allocFailure().lasting(5),
                        allocFailure().lasting(5), allocFailure().lasting(5), Synthetic.ok().lasting(50));
            }
        }
        Finding f = top(s.evidence());
        assertEquals("concurrency", f.rule());
        assertEquals("50 of 50 failures", f.facts().get("failed for lack of resources while another connection was served"));
        assertTrue(f.rootCause().contains("mbedtls_ssl_setup failed"), f.rootCause());
        assertTrue(f.evidence().get(0).deviceLines().get(0).text().contains("mbedtls_ssl_setup failed"));
    }

    @Test
    void outOfResourceLinesWithoutOverlapAreNoConcurrencyFinding() {
        Synthetic s = new Synthetic().boot();
        for (int r = 0; r < 5; r++) {
            s.sequential(allocFailure(), Synthetic.ok());
        }
        assertTrue(new ConcurrencyRule().evaluate(s.evidence()).isEmpty());
    }

    /** Connections the board never logged (refused, say) are placed by the clients' own times. */
    @Test
    void concurrencyFromClientTimesWhenTheBoardLoggedNothing() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < 6; r++) {
                s.parallel(Synthetic.conn(Outcome.OK, null).lasting(50), Synthetic.conn(Outcome.OK, null).lasting(50),
                        Synthetic.conn(Outcome.REFUSED, "refused").lasting(50),
                        Synthetic.conn(Outcome.REFUSED, "refused").lasting(50));
            }
        }
        Finding f = top(s.evidence());
        assertEquals("concurrency", f.rule());
        assertEquals("1: 0/12, 2: 0/12, 3: 12/12, 4: 12/12", f.facts().get("failure rate by connections open at once"));
        assertEquals("24", f.facts().get("connections refused"));
    }

    // --- boot window ---

    @Test
    void failuresConfinedToAWindowAfterBoot() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot().rounds(20, i -> i <= 3 ? Synthetic.conn(Outcome.RESET, "connection reset").lines(serverFlight())
                    .line(closed("error -0x0050", -0x0050)) : Synthetic.ok());
        }
        Finding f = top(s.evidence());
        assertEquals("boot-window", f.rule());
        assertEquals("9 of 9", f.facts().get("failed inside the windows"));
        assertEquals("0 of 51", f.facts().get("failed after the windows"));
        assertTrue(f.rootCause().contains("ms after the ready line"), f.rootCause());
        assertEquals("failed: connection 1 since boot, 10 ms after the ready line", f.evidence().get(0).note());
        assertTrue(new LeakRule().evaluate(s.evidence()).isEmpty(), "early failures are not a leak");
    }

    /** A random init delay per boot: some boots never get past it within their rounds, others soon do. */
    @Test
    void windowsOfDifferentLengthPerBootOutrankRebootDependence() {
        Synthetic s = new Synthetic();
        int[] failingFirst = {20, 2, 14, 20, 6};
        for (int failing : failingFirst) {
            s.boot().rounds(20, i -> i <= failing ? Synthetic.conn(Outcome.SERVER_ALERT, "handshake_failure") : Synthetic.ok());
        }
        Diagnosis d = Diagnoser.standard().diagnose(s.evidence());
        assertEquals(List.of("boot-window", "reboot-dependence"), d.findings().stream().map(Finding::rule).toList());
        assertEquals("62 of 62", d.findings().get(0).facts().get("failed inside the windows"));
    }

    @Test
    void sporadicFailuresAreNoBootWindow() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot().rounds(20, i -> i % 3 == 1 ? Synthetic.conn(Outcome.RESET, "reset") : Synthetic.ok());
        }
        assertTrue(new BootWindowRule().evaluate(s.evidence()).isEmpty());
    }

    @Test
    void aBootWindowMustRecur() {
        Synthetic s = new Synthetic();
        s.boot().rounds(20, i -> i <= 3 ? Synthetic.conn(Outcome.RESET, "reset") : Synthetic.ok());
        s.boot().rounds(20, i -> Synthetic.ok());
        s.boot().rounds(20, i -> Synthetic.ok());
        assertTrue(new BootWindowRule().evaluate(s.evidence()).isEmpty());
    }

    // --- leak ---

    private static Evidence leak(int boots) {
        Synthetic s = new Synthetic();
        for (int b = 0; b < boots; b++) {
            s.boot().rounds(20, i -> i >= 13 ? allocFailure() : Synthetic.ok());
        }
        return s.evidence();
    }

    /**
     * A leaking board under parallel load: while its heap lasts it serves one connection a round and turns the
     * others away; then it serves none. Both causes are named, each with its own failures.
     */
    @Test
    void aLeakUnderParallelLoadIsNamedBesideTheConcurrencyLimit() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 1; r <= 12; r++) {
                s.parallel(r <= 6 ? Synthetic.ok() : allocFailure(), allocFailure(), allocFailure(), allocFailure());
            }
        }
        Diagnosis d = Diagnoser.standard().diagnose(s.evidence());
        Map<String, Finding> byRule = d.findings().stream().collect(java.util.stream.Collectors.toMap(Finding::rule, f -> f));
        String text = DiagnosisText.render(d);
        assertEquals(36, byRule.get("concurrency").explains().size(), text);
        assertEquals(48, byRule.get("leak").explains().size(), text);
        assertEquals("b1r7c1", byRule.get("leak").explains().get(0), text);
        assertFalse(byRule.containsKey("unexplained"), text);
        assertEquals("84 of 84 failures explained by 2 findings", d.accounting());
        assertEquals("boot 1: served 6 of its first 21 connections, then 0 of 27; boot 2: served 6 of its first 21 connections, then 0 of 27",
                byRule.get("leak").facts().get("trend per boot"));
    }

    @Test
    void failuresRisingWithConnectionsSinceBootAndResetByReboot() {
        Finding f = top(leak(3));
        assertEquals("leak", f.rule());
        assertEquals("boot 1: connection 13, boot 2: connection 13, boot 3: connection 13",
                f.facts().get("first failure per boot"));
        assertTrue(f.rootCause().contains("first 12 connections"), f.rootCause());
        assertTrue(f.rootCause().contains("The board's own lines name memory"), "its allocation failures say what ran out: "
                + f.rootCause());
        assertEquals(3, f.evidence().size());
        assertTrue(new BootWindowRule().evaluate(leak(3)).isEmpty(), "late failures are no boot window");
    }

    @Test
    void oneBootCannotShowTheResetByReboot() {
        assertTrue(new LeakRule().evaluate(leak(1)).isEmpty());
    }

    // --- truncation ---

    private static Conn fetched(String path, long size, long received) {
        boolean whole = received == size;
        return (whole ? Synthetic.conn(Outcome.OK, null) : Synthetic.conn(Outcome.TRUNCATED, "unexpected end of stream"))
                .lines(serverFlight()).line(done()).line(request(path)).line(sent(path, size))
                .line(closed("done", null))
                .exchange(new Exchange(path, 200, size, received, whole ? true : null, 5,
                        whole ? Outcome.OK : Outcome.TRUNCATED, whole ? null : "unexpected end of stream"));
    }

    @Test
    void truncationCorrelatedWithResponseSize() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < 5; r++) {
                s.sequential(fetched("/dashboard.html", 18_000, 18_000), fetched("/style.css", 117_208, 16_384));
            }
        }
        Finding f = top(s.evidence());
        assertEquals("truncation", f.rule());
        assertEquals("/dashboard.html (18000 bytes): 0/10, /style.css (117208 bytes): 10/10",
                f.facts().get("short bodies by path"));
        assertTrue(f.rootCause().contains("fully sent"), f.rootCause());
        assertEquals(0.9, f.confidence());
        assertTrue(f.evidence().get(0).note().contains("received 16384 of 117208"));
    }

    @Test
    void truncationOfEverySizeIsNotSizeRelated() {
        Synthetic s = new Synthetic().boot();
        for (int r = 0; r < 5; r++) {
            s.sequential(fetched("/dashboard.html", 18_000, 100), fetched("/style.css", 117_208, 100));
        }
        List<Finding> findings = new TruncationRule().evaluate(s.evidence());
        // The smallest cut response sets the threshold: nothing smaller was fetched, so size is not shown.
        assertEquals(1, findings.size());
        assertEquals(0.7, findings.get(0).confidence());
    }

    // --- hang ---

    @Test
    void aBoardThatStopsResponding() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot().rounds(10, i -> i >= 6 ? Synthetic.conn(Outcome.TIMEOUT, "timeout").withoutEnd()
                    .line(b2 -> b2.type(io.hilharness.devlog.EventType.CONNECTION_ACCEPTED)
                            .message("accepted connection from 127.0.0.1")) : Synthetic.ok());
        }
        Finding f = top(s.evidence());
        assertEquals("hang", f.rule());
        assertEquals("10", f.facts().get("sessions the board never ended"));
        assertTrue(f.rootCause().contains("accepted connection from 127.0.0.1"), f.rootCause());
        assertTrue(f.evidence().get(0).deviceLines().get(0).text().contains("accepted connection"));
    }

    @Test
    void oneTimeoutIsNoHang() {
        Synthetic s = new Synthetic().boot().rounds(10, i -> i == 5 ? Synthetic.conn(Outcome.TIMEOUT, "t") : Synthetic.ok());
        assertTrue(new HangRule().evaluate(s.evidence()).isEmpty());
    }

    // --- reboot dependence ---

    @Test
    void rebootDependenceWithItsPValue() {
        Synthetic s = new Synthetic();
        s.boot().rounds(20, i -> Synthetic.ok());
        s.boot().rounds(20, i -> i % 5 == 0 ? Synthetic.ok() : Synthetic.conn(Outcome.RESET, "reset"));
        s.boot().rounds(20, i -> Synthetic.ok());
        Finding f = top(s.evidence());
        assertEquals("reboot-dependence", f.rule());
        // worst boot 16/20 failed vs best 0/20: Fisher two-sided p = 1.54e-07, times 3 pairs.
        assertEquals("p = 4.6e-07", f.facts().get("Fisher exact test, worst vs best boot (two-sided, Bonferroni x3)"));
        assertTrue(f.rootCause().contains("boot 2 failed 16 of 20"), f.rootCause());
        assertTrue(f.facts().get("chi-square test, all boots").contains("df = 2"));
    }

    @Test
    void evenlySpreadFailuresAreNotRebootDependent() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot().rounds(20, i -> i % 4 == 0 ? Synthetic.conn(Outcome.RESET, "reset") : Synthetic.ok());
        }
        assertTrue(new RebootDependenceRule().evaluate(s.evidence()).isEmpty());
    }

    // --- clean runs ---

    @Test
    void aCampaignWithoutFailuresHasNoFinding() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 3; b++) {
            s.boot().rounds(10, i -> Synthetic.ok());
            s.parallel(Synthetic.ok().lasting(30), Synthetic.ok().lasting(30), Synthetic.ok().lasting(30));
        }
        Diagnosis d = Diagnoser.standard().diagnose(s.evidence());
        assertTrue(d.findings().isEmpty(), d.findings().toString());
        // Rules also stay quiet when asked directly.
        for (DiagnosisRule rule : Diagnoser.standard().rules()) {
            assertTrue(rule.evaluate(s.evidence()).isEmpty(), rule.name());
        }
    }

    @Test
    void bootsThatNeverGetReady() {
        Synthetic s = new Synthetic().boot().rounds(5, i -> Synthetic.ok()).bootNotReady("no ready line within 20 s");
        Finding f = top(s.evidence());
        assertEquals("boot-failure", f.rule());
        assertFalse(f.evidence().isEmpty());
        assertEquals(2, f.evidence().get(0).boot());
    }
}
