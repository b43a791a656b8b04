package io.hilharness.cli;

import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hil diagnose RUN}: diagnoses a finished run again from its journal, with today's rules. */
@Command(name = "diagnose", description = "Diagnose a run folder (or its journal.jsonl) offline: root causes, evidence, fixes.")
final class DiagnoseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "A run folder under runs/, or a journal.jsonl file.")
    Path run;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the diagnosis as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Diagnosis diagnosis = Diagnoser.standard().diagnose(JournalEvidence.read(run));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(diagnosis));
        } else {
            out.print(DiagnosisText.render(diagnosis));
        }
        out.flush();
        return diagnosis.somethingFailed() ? 1 : 0;
    }
}
