package io.hilharness.diagnose;

import static io.hilharness.diagnose.Synthetic.Lines.alert;
import static io.hilharness.diagnose.Synthetic.Lines.closed;
import static io.hilharness.diagnose.Synthetic.Lines.handshakeFailed;
import static io.hilharness.diagnose.Synthetic.Lines.serverFlight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Outcome;
import io.hilharness.json.Json;
import io.hilharness.run.BootRecord;
import io.hilharness.run.Journal;
import io.hilharness.run.JournalException;
import io.hilharness.run.RoundRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run diagnosed offline from its journal finds what the live diagnosis found. */
class JournalEvidenceTest {
    @TempDir
    Path dir;

    private static Synthetic rejectedCampaign() {
        Synthetic s = new Synthetic();
        for (int b = 0; b < 2; b++) {
            s.boot();
            for (int r = 0; r < 3; r++) {
                s.sequential(Synthetic.conn(Outcome.ERROR, "unknown").lines(serverFlight()).line(alert(2, 48))
                        .line(handshakeFailed(-0x7780)).line(closed("error -0x7780", -0x7780)), Synthetic.ok());
            }
        }
        return s;
    }

    private Path journal(Synthetic s) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = new Journal(file)) {
            journal.append("campaign", Map.of("image", "selfsigned", "board", "test"));
            for (BootRecord boot : s.boots()) {
                journal.append("boot", boot);
                for (RoundRecord round : s.roundRecords()) {
                    if (round.boot() == boot.boot()) {
                        journal.append("round", round);
                    }
                }
            }
            Evidence live = s.evidence();
            journal.append("diagnosis", Diagnoser.standard().diagnose(live));
            journal.append("end", Map.of("passed", false));
        }
        return file;
    }

    @Test
    void aJournalGivesTheSameDiagnosisAsTheLiveRun() throws Exception {
        Synthetic s = rejectedCampaign();
        journal(s);
        Evidence offline = JournalEvidence.read(dir);
        assertEquals("selfsigned", offline.image());
        assertEquals(s.evidence().connections(), offline.connections());
        Diagnosis again = Diagnoser.standard().diagnose(offline);
        assertEquals("certificate-rejected", again.top().orElseThrow().rule());
        assertEquals(Json.mapper().writeValueAsString(Diagnoser.standard().diagnose(s.evidence()).findings()),
                Json.mapper().writeValueAsString(again.findings()));
    }

    @Test
    void aRecordCutOffByAKilledRunIsSkipped() throws Exception {
        Path file = journal(rejectedCampaign());
        Files.writeString(file, "{\"type\":\"round\",\"data\":{\"boot\":2,", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(12, JournalEvidence.read(file).connections().size());
    }

    @Test
    void aJournalWithoutImageIsNotEvidence() throws Exception {
        Files.writeString(dir.resolve("journal.jsonl"), "{\"type\":\"campaign\",\"data\":{}}\n");
        JournalException e = assertThrows(JournalException.class, () -> JournalEvidence.read(dir));
        assertTrue(e.getMessage().endsWith("journal.jsonl:1: 'campaign' record: field 'image': missing"), e.getMessage());
    }
}
