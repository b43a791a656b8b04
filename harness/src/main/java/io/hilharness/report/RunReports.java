package io.hilharness.report;

import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisFiles;
import io.hilharness.diagnose.Evidence;
import io.hilharness.json.Json;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.JournalException;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
        write(result, run, notes, diagnosed(result, run));
    }

    /**
     * @param notes    what the reader of a run folder had to put up with (shown in the reports)
     * @param findings conclusions of a diagnosis step, for the HTML report
     */
    public static void write(CampaignResult result, RunFolder run, List<String> notes, List<ReportedFinding> findings)
            throws IOException {
        try {
            replace(run.timeline(), out -> {
                try (Timeline.Writer timeline = new Timeline.Writer(out)) {
                    for (RoundRecord round : result.rounds()) {
                        timeline.round(result.image(), round);
                    }
                    timeline.finish(result.image());
                }
            });
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
        writeAllButTimeline(result, run, notes, findings);
    }

    /** Diagnoses the run and writes diagnosis.txt/json; returns the findings for the HTML report. */
    private static List<ReportedFinding> diagnosed(CampaignResult result, RunFolder run) throws IOException {
        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        try {
            DiagnosisFiles.write(diagnosis, run.diagnosisJson(), run.diagnosisText());
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
        return ReportedFinding.allOf(diagnosis);
    }

    /** A full disk says only "No space left on device"; name the folder. */
    private static IOException cannotWrite(RunFolder run, IOException e) {
        return new IOException("cannot write the reports into " + run.dir() + ": " + RunFolder.why(e), e);
    }

    /** Summary, HTML and JUnit, from what the result holds (timeline.json needs every round whole). */
    private static void writeAllButTimeline(CampaignResult result, RunFolder run, List<String> notes, List<ReportedFinding> findings)
            throws IOException {
        try {
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
            replace(run.dir().resolve(HTML), out -> {
                Writer page = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                HtmlReport.write(result, notes, findings, page);
                page.flush();
            });
            replace(run.dir().resolve(JUNIT), out -> JunitReport.write(result, notes, out));
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
    }

    /**
     * The reports of a campaign that just ended, built from its journal as {@code hil report} builds
     * them: the same reports whatever the run's length, with the journal's notes (a watchdog's power
     * cycle, an operator's stop), and a long run's passed rounds need not be in memory. A failure (a
     * full disk) says how to get them once there is space: the journal is complete.
     */
    public static void writeAfterCampaign(RunFolder run) throws IOException {
        try {
            rebuild(run);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (the journal is complete: hil report " + run.dir()
                    + " rebuilds them once there is space)", e);
        }
    }

    /**
     * Rebuilds every report of a run folder, diagnosis included, from its journal; returns what was
     * read. timeline.json is written as the journal is read, every round whole; the
     * other reports come from what memory kept of it ({@link RunFolderReader#read(RunFolder)}).
     */
    public static RecordedRun rebuild(RunFolder run) throws IOException {
        RecordedRun recorded = readWritingTimeline(run);
        writeAllButTimeline(recorded.result(), run, recorded.notes(), diagnosed(recorded.result(), run));
        return recorded;
    }

    /** Rebuilds the reports with the given findings instead of a fresh diagnosis. */
    public static RecordedRun rebuild(RunFolder run, List<ReportedFinding> findings) throws IOException {
        RecordedRun recorded = readWritingTimeline(run);
        writeAllButTimeline(recorded.result(), run, recorded.notes(), findings);
        return recorded;
    }

    private static RecordedRun readWritingTimeline(RunFolder run) throws IOException {
        RecordedRun[] recorded = new RecordedRun[1];
        try {
            replace(run.timeline(), out -> {
                try (Timeline.Writer timeline = new Timeline.Writer(out)) {
                    recorded[0] = new RunFolderReader().read(run, timeline::round);
                    timeline.finish(recorded[0].result().image());
                }
            });
        } catch (JournalException e) {
            throw e; // the journal's fault, named by file and line
        } catch (IOException e) {
            throw cannotWrite(run, e);
        }
        return recorded[0];
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
