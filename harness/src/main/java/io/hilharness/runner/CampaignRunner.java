package io.hilharness.runner;

import io.hilharness.board.BoardException;
import io.hilharness.campaign.Campaign;
import io.hilharness.capture.WireCapture;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisFiles;
import io.hilharness.report.ReportedFinding;
import io.hilharness.report.RunReports;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs a campaign on a board that is set up, and finishes it alike for every command: one diagnosis
 * after the last round, journaled before the end record, written to diagnosis.txt/json and shown in
 * the reports, which are built from the journal as {@code hil report} builds them (the same reports
 * whatever the run's length, with the journal's notes: a watchdog's power cycle, an operator's stop).
 */
public final class CampaignRunner {
    private final RunSettings settings;

    public CampaignRunner(RunSettings settings) {
        this.settings = settings;
    }

    /**
     * @param capture a packet capture running beside the campaign; it is stopped and read back before
     *                the diagnosis (its starter still finishes it should the campaign fail)
     */
    public CampaignOutcome run(Campaign campaign, CampaignSpec spec, RunFolder run, Optional<WireCapture> capture)
            throws BoardException, IOException, InterruptedException {
        DiagnosisStep diagnosis = new DiagnosisStep(capture);
        CampaignResult result = settings.applyTo(campaign, spec).finishingWith(diagnosis).run();
        writeReports(run, diagnosis.diagnosis());
        return new CampaignOutcome(result, diagnosis.diagnosis(), diagnosis.wire());
    }

    /** A failure (a full disk) says how to get the reports once there is space: the journal is complete. */
    private static void writeReports(RunFolder run, Diagnosis diagnosis) throws IOException {
        try {
            RunReports.rebuild(run, ReportedFinding.allOf(diagnosis));
            writeDiagnosis(run, diagnosis);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (the journal is complete: hil report " + run.dir()
                    + " rebuilds them once there is space)", e);
        }
    }

    private static void writeDiagnosis(RunFolder run, Diagnosis diagnosis) throws IOException {
        try {
            DiagnosisFiles.write(diagnosis, run.diagnosisJson(), run.diagnosisText());
        } catch (IOException e) {
            throw new IOException("cannot write the reports into " + run.dir() + ": " + RunFolder.why(e), e);
        }
    }
}
