package io.hilharness.report;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.RunFolder;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisFiles;
import io.hilharness.diagnose.Evidence;
import io.hilharness.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a campaign's reports into its run folder: summary (text and JSON), the correlated
 * per-connection timeline, report.html and junit.xml. Each file is written next to its final name
 * and moved into place, so a reader never sees half a report.
 */
public final class RunReports {
    public static final String HTML = "report.html";
    public static final String JUNIT = "junit.xml";

    private RunReports() {
    }

    public static void write(CampaignResult result, RunFolder run) throws IOException {
        write(result, run, List.of());
    }

    /** All reports, with the run's diagnosis in diagnosis.txt/json and in the HTML's findings. */
    public static void write(CampaignResult result, RunFolder run, List<String> notes) throws IOException {
        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        try {
            DiagnosisFiles.write(diagnosis, run.diagnosisJson(), run.diagnosisText());
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
        write(result, run, notes, ReportFindings.of(diagnosis));
    }

    /**
     * @param notes    what the reader of a run folder had to put up with (shown in the reports)
     * @param findings conclusions of a diagnosis step, for the HTML report
     */
    public static void write(CampaignResult result, RunFolder run, List<String> notes, List<Finding> findings)
            throws IOException {
        try {
            writeAll(result, run, notes, findings);
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
    }

    /** A full disk says only "No space left on device"; name the folder. */
    private static IOException cannotWrite(RunFolder run, IOException e) {
        return new IOException("cannot write the reports into " + run.dir() + ": " + RunFolder.why(e), e);
    }

    private static void writeAll(CampaignResult result, RunFolder run, List<String> notes, List<Finding> findings)
            throws IOException {
        Files.writeString(run.summaryText(), SummaryTable.render(result));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("image", result.image());
        summary.put("board", result.board());
        summary.put("passed", result.allPassed());
        summary.put("spec", result.spec());
        summary.put("boots", SummaryTable.summaries(result));
        if (!notes.isEmpty()) {
            summary.put("notes", notes);
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(run.summaryJson().toFile(), summary);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(run.timeline().toFile(), Timeline.of(result));
        replace(run.dir().resolve(HTML), out -> out.write(HtmlReport.render(result, notes, findings).getBytes(StandardCharsets.UTF_8)));
        replace(run.dir().resolve(JUNIT), out -> JunitReport.write(result, notes, out));
    }

    /**
     * The reports of a campaign that just ended: from its result, or rebuilt from the journal for a
     * long run (its result kept passed rounds' evidence only there). A failure (a full disk) says how
     * to get them once there is space: the journal is complete.
     */
    public static void writeAfterCampaign(CampaignResult result, RunFolder run, boolean longRun) throws IOException {
        try {
            if (longRun) {
                rebuild(run);
            } else {
                write(result, run);
            }
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (the journal is complete: hil report " + run.dir()
                    + " rebuilds them once there is space)", e);
        }
    }

    /** Rebuilds every report of a run folder, diagnosis included, from its journal; returns what was read. */
    public static RecordedRun rebuild(RunFolder run) throws IOException {
        RecordedRun recorded = new RunFolderReader().read(run);
        write(recorded.result(), run, recorded.notes());
        return recorded;
    }

    /** Rebuilds the reports with the given findings instead of a fresh diagnosis. */
    public static RecordedRun rebuild(RunFolder run, List<Finding> findings) throws IOException {
        RecordedRun recorded = new RunFolderReader().read(run);
        write(recorded.result(), run, recorded.notes(), findings);
        return recorded;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void replace(Path target, Content content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A half-written temp file (disk full) would only take the space the next attempt needs.
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
