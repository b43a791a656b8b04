package io.hilharness.cli;

import io.hilharness.report.RecordedRun;
import io.hilharness.report.RunReports;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.JournalException;
import io.hilharness.run.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hil report RUN_FOLDER}: rebuild every report of a run, also of one that was killed. */
@Command(name = "report", description = "Rebuild summary, timeline, report.html, junit.xml and the diagnosis of a run folder from its journal.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_FOLDER", description = "A run folder (the one with journal.jsonl).")
    Path folder;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new JournalException(folder, 0, "no such run folder");
        }
        RunFolder run = new RunFolder(folder);
        RecordedRun recorded = RunReports.rebuild(run);
        PrintWriter out = spec.commandLine().getOut();
        recorded.notes().forEach(note -> out.println("note: " + note));
        out.print(SummaryTable.render(recorded.result()));
        out.println("reports: " + run.dir().resolve(RunReports.HTML) + ", " + run.dir().resolve(RunReports.JUNIT)
                + ", " + run.summaryText().getFileName() + ", " + run.summaryJson().getFileName() + ", "
                + run.timeline().getFileName() + ", " + run.diagnosisText().getFileName() + ", "
                + run.diagnosisJson().getFileName());
        out.flush();
        return recorded.result().exitCode();
    }
}
