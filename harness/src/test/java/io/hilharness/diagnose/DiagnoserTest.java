package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(List.of("high", "mid", "low"), d.findings().stream().map(Finding::rule).toList());
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
        assertEquals(List.of("fine"), d.findings().stream().map(Finding::rule).toList());
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

    @Test
    void deviceTextReachesTheTerminalWithoutControlCharacters() {
        assertEquals("a\\x1b[2Jb\\x07", DiagnosisText.printable("a\u001b[2Jb\u0007"));
    }
}
