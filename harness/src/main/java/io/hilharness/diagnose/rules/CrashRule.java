package io.hilharness.diagnose.rules;

import io.hilharness.crash.DecodedAddress;
import io.hilharness.crash.DecodedCrash;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CrashRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The board died during a boot (a failed assertion, a fault, a panic, a process that aborted): one
 * finding per way it died, naming the death, the connection whose request it was serving and where in
 * the code it died, decoded to function, file and line when the image names its ELF file.
 */
public final class CrashRule implements DiagnosisRule {
    /** Decoded addresses quoted in the facts; the journal keeps them all. */
    private static final int MAX_FRAMES = 6;

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        Map<String, List<CrashRecord>> byDeath = new LinkedHashMap<>();
        for (BootRecord boot : evidence.boots()) {
            if (boot.crashed()) {
                byDeath.computeIfAbsent(boot.crash().reason() + " @ " + boot.crash().location(), k -> new ArrayList<>())
                        .add(boot.crash());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<CrashRecord> crashes : byDeath.values()) {
            findings.add(finding(evidence, crashes));
        }
        return findings;
    }

    /** Whether {@code c} was in flight or later in a boot that crashed: the death explains its failure. */
    public static boolean diedWith(Evidence evidence, ConnectionFacts c) {
        return evidence.boots().stream().anyMatch(b -> b.boot() == c.boot() && b.crashed() && c.round() >= b.crash().round());
    }

    private Finding finding(Evidence evidence, List<CrashRecord> crashes) {
        CrashRecord first = crashes.get(0);
        List<ConnectionFacts> explained = evidence.failures().stream().filter(c -> crashes.stream()
                .anyMatch(k -> k.boot() == c.boot() && c.round() >= k.round())).toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("crashed boots", crashes.stream().map(k -> k.boot() + (k.round() == 0 ? " (before its ready line)"
                        : " (round " + k.round() + ")"))
                .collect(Collectors.joining(", ")) + " of " + evidence.boots().size());
        facts.put("death", first.reason());
        if (first.location() != null) {
            facts.put("location", first.location());
        }
        DecodedCrash decoded = first.decoded();
        if (decoded != null && !decoded.addresses().isEmpty()) {
            facts.put(decoded.note() == null ? "decoded with " + decoded.elf() : decoded.note(), decoded.addresses().stream()
                    .limit(MAX_FRAMES).map(DecodedAddress::toString).collect(Collectors.joining("; ")));
        }
        String triggers = crashes.stream().filter(k -> k.connection() != null)
                .map(k -> k.connection() + " (port " + k.port() + ")").collect(Collectors.joining(", "));
        if (!triggers.isEmpty()) {
            facts.put("triggering connections", triggers);
        }
        if (first.exit() != null) {
            facts.put("board process", first.exit());
        }

        List<EvidenceItem> items = new ArrayList<>();
        for (CrashRecord k : crashes.subList(0, Math.min(crashes.size(), Finding.MAX_EXAMPLES))) {
            Optional<ConnectionFacts> trigger = evidence.connections().stream()
                    .filter(c -> Objects.equals(c.id(), k.connection()) && c.boot() == k.boot()).findFirst();
            String note = "boot " + k.boot() + " died here: " + k.reason();
            items.add(trigger.map(c -> EvidenceItem.of(c, "the board was serving this connection's request when it died: "
                    + k.reason(), deathLines(c))).orElseGet(() -> EvidenceItem.ofDevice(k.boot(), note, List.of())));
        }
        String where = first.location() == null ? "" : " (" + first.location() + ")";
        String during = first.connection() == null ? "" : " while serving connection " + first.connection()
                + " (port " + first.port() + ")";
        String rootCause = "The board crashed in " + crashes.size() + " of " + evidence.boots().size() + " boots: "
                + first.reason() + where + during + "; each crashed boot ended there and the campaign went on with the next.";
        String fix = "Fix the code" + (first.location() == null ? "" : " at " + first.location()) + ": the death report and its backtrace are in the facts and the console "
                + "capture. " + (decoded != null && decoded.note() != null && decoded.elf() == null
                ? "Name the image's ELF file (elf: in its manifest or the lab config) to decode the addresses."
                : "Reproduce it with the triggering request on a debugger if the backtrace is not enough.");
        return new Finding(name(), rootCause, 0.95, facts, items, fix).explaining(explained);
    }

    private static List<DeviceEvent> deathLines(ConnectionFacts c) {
        List<DeviceEvent> lines = new ArrayList<>();
        for (DeviceEvent e : c.device()) {
            if (e.type() == EventType.CRASH || e.type() == EventType.HTTP_REQUEST) {
                lines.add(e);
            }
        }
        return lines;
    }
}
