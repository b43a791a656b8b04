package io.hilharness.report;

import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisText;
import java.util.List;
import java.util.Locale;

/** The diagnosis as the HTML report's findings section shows it. */
public final class ReportFindings {
    private ReportFindings() {
    }

    public static List<Finding> of(Diagnosis diagnosis) {
        return diagnosis.findings().stream()
                .map(f -> new Finding(f.rule() + ": " + f.rootCause(),
                        String.format(Locale.ROOT, "%.2f", f.confidence()), DiagnosisText.details(f)))
                .toList();
    }
}
