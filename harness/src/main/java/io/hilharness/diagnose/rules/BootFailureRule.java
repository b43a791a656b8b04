package io.hilharness.diagnose.rules;

import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.run.BootRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Boots that never printed their ready line: nothing could be tested in them. A boot that crashed
 * before its ready line is the crash rule's, which names the death and where it happened.
 */
public final class BootFailureRule implements DiagnosisRule {
    @Override
    public String name() {
        return "boot-failure";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<BootRecord> failed = evidence.boots().stream().filter(b -> !b.ready() && !b.crashed()).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        int total = evidence.boots().size();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("boots not ready", failed.stream().map(b -> String.valueOf(b.boot())).collect(Collectors.joining(", "))
                + " of " + total);
        List<EvidenceItem> items = failed.stream().limit(3).map(b -> EvidenceItem.ofDevice(b.boot(),
                b.reset().name().toLowerCase() + " reset: " + b.failure(), List.of())).toList();
        String rootCause = failed.size() + " of " + total + " boots never printed the ready line: " + failed.get(0).failure() + ".";
        String fix = "Read the console capture around each failed boot (its last lines are quoted above): a crash, a "
                + "configuration or certificate load error, or an initialisation step that does not finish; raise "
                + "--ready-timeout only if the board is merely slow.";
        return List.of(new Finding(name(), rootCause, failed.size() == total ? 0.95 : 0.8, facts, items, fix));
    }
}
