package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.analyze.ClientConnection;
import io.hilharness.analyze.JournalClients;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.image.ProjectLayout;
import io.hilharness.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder of an earlier release, whose journal copies every device event and chain into each
 * round (fixtures/runs/selfsigned-journal-v1): it still reads, and its reports rebuild as that release
 * wrote them at the end of its run.
 */
class EarlierJournalTest {
    private static final Path FIXTURE = ProjectLayout.locate().root().resolve("fixtures/runs/selfsigned-journal-v1");
    private static final String WRITTEN_IN = "/tmp/jr/fix/20261206-211716-selfsigned";

    @TempDir
    Path dir;

    private RunFolder copy() throws Exception {
        for (String file : List.of("journal.jsonl", "console.raw")) {
            Files.copy(FIXTURE.resolve(file), dir.resolve(file));
        }
        return new RunFolder(dir);
    }

    @Test
    void hilReportRebuildsTheReportsTheRunWrote() throws Exception {
        RunFolder run = copy();

        RecordedRun recorded = RunReports.rebuild(run);

        assertEquals(List.of(), recorded.notes());
        assertEquals(2, recorded.result().rounds().get(0).connections().stream().filter(c -> !c.device().isEmpty()).count());
        for (String report : List.of("summary.txt", "summary.json", "diagnosis.txt", "diagnosis.json")) {
            assertEquals(Files.readString(FIXTURE.resolve(report)), Files.readString(dir.resolve(report)), report);
        }
        assertEquals(Files.readString(FIXTURE.resolve("junit.xml")).replace(WRITTEN_IN, dir.toString()),
                Files.readString(dir.resolve("junit.xml")));
    }

    @Test
    void hilDiagnoseAndAnalyzeReadIt() throws Exception {
        RunFolder run = copy();

        String diagnosis = DiagnosisText.render(Diagnoser.standard().diagnose(JournalEvidence.read(run.dir())));
        List<ClientConnection> clients = JournalClients.read(run.journal());

        assertEquals(Files.readString(FIXTURE.resolve("diagnosis.txt")), diagnosis);
        assertEquals(List.of("b1r1c1", "b1r1c2"), clients.stream().map(ClientConnection::id).toList());
        assertTrue(clients.stream().allMatch(c -> c.outcome().equals("CERT_REJECTED")), clients.toString());
    }
}
