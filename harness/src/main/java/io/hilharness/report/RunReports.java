package io.hilharness.report;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.RunFolder;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.DiagnosisFiles;
import io.hilharness.diagnose.Evidence;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a finished campaign's summary (text and JSON) and its correlated per-connection timeline. */
public final class RunReports {
    private RunReports() {
    }

    public static void write(CampaignResult result, RunFolder run) throws IOException {
        Files.writeString(run.summaryText(), SummaryTable.render(result));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("image", result.image());
        summary.put("board", result.board());
        summary.put("passed", result.allPassed());
        summary.put("spec", result.spec());
        summary.put("boots", SummaryTable.summaries(result));
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(run.summaryJson().toFile(), summary);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(run.timeline().toFile(), Timeline.of(result));
        DiagnosisFiles.write(Diagnoser.standard().diagnose(Evidence.of(result)), run.diagnosisJson(), run.diagnosisText());
    }
}
