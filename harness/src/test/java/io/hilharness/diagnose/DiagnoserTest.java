package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnoserTest {
    private static Evidence failing(String image) {
        Synthetic s = new Synthetic().boot().rounds(3, i -> Synthetic.conn(Outcome.RESET, "reset"));
        Evidence e = s.evidence();
        return new Evidence(image, null, e.boots(), e.rounds(), e.connections());
    }

    private static DiagnosisRule fixed(String name, double confidence) {
        return new DiagnosisRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Finding> evaluate(Evidence evidence) {
                return List.of(new Finding(name, name + " happened.", confidence, Map.of(), List.of(), "fix " + name));
            }
        };
    }

    @Test
    void userRulesAreFoundThroughServiceLoader() {
        Diagnosis d = Diagnoser.standard().diagnose(failing(MarkerRule.IMAGE));
        assertEquals("marker", d.top().orElseThrow().rule());
        assertTrue(Diagnoser.standard().rules().stream().anyMatch(r -> r instanceof MarkerRule));
    }

    @Test
    void findingsAreRankedByConfidence() {
        Diagnosis d = new Diagnoser(List.of(fixed("low", 0.3), fixed("high", 0.9), fixed("mid", 0.6)))
                .diagnose(failing("x"));
        // None of them claims the failures: they are the unexplained remainder, ranked last.
        assertEquals(List.of("high", "mid", "low", "unexplained"), d.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void aBrokenRuleCostsOnlyItsOwnFinding() {
        DiagnosisRule broken = new DiagnosisRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> evaluate(Evidence evidence) {
                throw new IllegalStateException("bug in a user rule");
            }
        };
        Diagnosis d = new Diagnoser(List.of(broken, fixed("fine", 0.5))).diagnose(failing("x"));
        assertEquals(List.of("fine", "unexplained"), d.findings().stream().map(Finding::rule).toList());
        assertEquals(1, d.ruleErrors().size());
        assertTrue(d.ruleErrors().get(0).startsWith("broken: java.lang.IllegalStateException: bug in a user rule"));
        assertTrue(DiagnosisText.render(d).contains("rule failed: broken"));
    }

    @Test
    void aCleanRunAsksNoRule() {
        Synthetic s = new Synthetic().boot().rounds(3, i -> Synthetic.ok());
        Diagnosis d = new Diagnoser(List.of(fixed("always", 0.9))).diagnose(s.evidence());
        assertTrue(d.findings().isEmpty());
        assertTrue(DiagnosisText.render(d).startsWith("Diagnosis of synthetic: no finding (0 of 3 connections failed)"));
    }

    @Test
    void failuresNoRuleRecognisesAreStillListed() {
        Diagnosis d = new Diagnoser(List.of()).diagnose(failing("x"));
        Finding f = d.top().orElseThrow();
        assertEquals("unexplained", f.rule());
        assertEquals("reset 3", f.facts().get("failures by class"));
        assertEquals("b1r1c1", f.evidence().get(0).connection());
    }

    /** A rule that claims the failed connections of the given rounds. */
    private static DiagnosisRule claiming(String name, double confidence, int... rounds) {
        return new DiagnosisRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Finding> evaluate(Evidence evidence) {
                java.util.Set<Integer> wanted = java.util.Arrays.stream(rounds).boxed().collect(java.util.stream.Collectors.toSet());
                return List.of(new Finding(name, name + " happened.", confidence, Map.of(), List.of(), "fix " + name)
                        .explaining(evidence.connections().stream().filter(c -> wanted.contains(c.round())).toList()));
            }
        };
    }

    @Test
    void twoRulesAndTheirLeftoverAccountForEveryFailure() {
        // Rounds 1-6 fail, 7-8 pass. "high" claims 1-3 and 7 (passed: not a failure to explain), "low" claims 3-4:
        // round 3 goes to the higher-ranked finding, 5 and 6 are nobody's.
        Synthetic s = new Synthetic().boot().rounds(8, i -> i <= 6 ? Synthetic.conn(Outcome.RESET, "reset") : Synthetic.ok());
        Diagnosis d = new Diagnoser(List.of(claiming("low", 0.6, 3, 4), claiming("high", 0.9, 1, 2, 3, 7)))
                .diagnose(s.evidence());

        assertEquals(List.of("high", "low", "unexplained"), d.findings().stream().map(Finding::rule).toList());
        assertEquals(List.of("b1r1c1", "b1r2c1", "b1r3c1"), d.findings().get(0).explains());
        assertEquals(List.of("b1r4c1"), d.findings().get(1).explains());
        assertEquals("1 connection(s)", d.findings().get(1).facts().get(Diagnoser.CLAIMED_BY_HIGHER));
        Finding rest = d.findings().get(2);
        assertEquals(List.of("b1r5c1", "b1r6c1"), rest.explains());
        assertEquals("reset 2", rest.facts().get("failures by class"));
        assertEquals("b1r5c1", rest.evidence().get(0).connection());
        assertEquals(6, d.findings().stream().mapToInt(f -> f.explains().size()).sum(), "the counts add up to the failures");
        assertEquals("4 of 6 failures explained by 2 findings", d.accounting());
        String text = DiagnosisText.render(d);
        assertTrue(text.startsWith("Diagnosis of synthetic: 3 findings (6 of 8 connections failed; 4 of 6 failures explained by 2 findings)"), text);
        assertTrue(text.contains("explains 2 failed connections: b1r5c1, b1r6c1"), text);
        assertTrue(rest.rootCause().startsWith("2 of the 6 failed connections fit no other finding"), rest.rootCause());
    }

    @Test
    void aRuleForPassingCampaignsIsAskedWithoutChangingTheVerdict() {
        DiagnosisRule latent = new DiagnosisRule() {
            @Override
            public String name() {
                return "latent";
            }

            @Override
            public List<Finding> evaluate(Evidence evidence) {
                return List.of(new Finding(name(), "Some other client would refuse this.", 0.5, Map.of(), List.of(), "fix"));
            }

            @Override
            public boolean looksAtPassingCampaigns() {
                return true;
            }
        };
        Synthetic s = new Synthetic().boot().rounds(3, i -> Synthetic.ok());
        Diagnosis d = new Diagnoser(List.of(latent, fixed("always", 0.9))).diagnose(s.evidence());
        assertEquals(List.of("latent"), d.findings().stream().map(Finding::rule).toList());
        assertFalse(d.somethingFailed());
    }

    @Test
    void deviceTextReachesTheTerminalWithoutControlCharacters() {
        assertEquals("a\\x1b[2Jb\\x07", DiagnosisText.printable("a\u001b[2Jb\u0007"));
    }
}
