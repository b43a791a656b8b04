package io.hilharness.report;

import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisText;
import java.util.List;
import java.util.Locale;

/**
 * A finding as the report's findings section shows it: a title, a confidence label and the lines
 * that support it. The report only renders it (escaped).
 *
 * @param confidence a short label such as "high", "medium" or "low"
 * @param evidence   the lines that support it, e.g. device log lines with their capture offsets
 */
public record ReportedFinding(String title, String confidence, List<String> evidence) {
    public ReportedFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The diagnosis's findings, each titled by its rule and root cause. */
    public static List<ReportedFinding> allOf(Diagnosis diagnosis) {
        return diagnosis.findings().stream()
                .map(f -> new ReportedFinding(f.rule() + ": " + f.rootCause(),
                        String.format(Locale.ROOT, "%.2f", f.confidence()), DiagnosisText.details(f)))
                .toList();
    }
}
