package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.run.JournalException;
import io.hilharness.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderReaderTest {
    @TempDir
    Path dir;

    private final RunFolderReader reader = new RunFolderReader();

    @Test
    void readsBackEveryJournaledRecordOfAKilledRun() throws Exception {
        CraftedRun crafted = new CraftedRun();
        RecordedRun recorded = reader.read(crafted.write(dir));

        assertEquals(crafted.boots, recorded.result().boots());
        assertEquals(crafted.rounds, recorded.result().rounds());
        assertEquals(crafted.spec, recorded.result().spec());
        assertEquals("lab-ca", recorded.result().image());
        assertEquals(CraftedRun.T0, recorded.started());
        assertFalse(recorded.complete());
        assertNull(recorded.ended());
        assertTrue(recorded.notes().stream().anyMatch(n -> n.contains("line 9 is cut short")), recorded.notes().toString());
        assertTrue(recorded.notes().stream().anyMatch(n -> n.contains("did not finish")), recorded.notes().toString());
    }

    @Test
    void aFinishedRunIsComplete() throws Exception {
        RunFolder run = new CraftedRun().write(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.journal()));
        // The last two records as Campaign writes them: the diagnosis, then the end.
        lines.set(lines.size() - 1, "{\"type\":\"diagnosis\",\"data\":{\"findings\":[]}}");
        lines.add("{\"type\":\"end\",\"data\":{\"at\":\"2026-11-27T10:01:00Z\",\"passed\":false}}");
        Files.write(run.journal(), lines);

        RecordedRun recorded = reader.read(run);

        assertTrue(recorded.complete());
        assertEquals(List.of(), recorded.notes());
    }

    /** A journal that holds a device's key (an older harness journaled it): no report built from it shows it. */
    @Test
    void noReportQuotesAKeyTheJournalHolds() throws Exception {
        RunFolder run = new CraftedRun().write(dir);
        RunReports.rebuild(run);

        try (var files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("journal.jsonl")) {
                    assertFalse(Files.readString(file).contains(CraftedRun.KEY_BODY), file.getFileName().toString());
                }
            }
        }
    }

    @Test
    void aReportNeedsTheCampaignsImageAndSpec() throws Exception {
        RunFolder run = new RunFolder(dir);
        Files.writeString(run.journal(), "{\"type\":\"campaign\",\"data\":{\"image\":\"lab-ca\"}}\n");

        JournalException e = assertThrows(JournalException.class, () -> reader.read(run));

        assertEquals(run.journal() + ":1: 'campaign' record: field 'spec': missing", e.getMessage());
    }
}
