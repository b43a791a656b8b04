package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one journal reader: typed records in order, notes for what a killed run leaves, errors naming file, line and field. */
class JournalReaderTest {
    private static final String HEADER = "{\"type\":\"campaign\",\"data\":{\"image\":\"lab-ca\",\"board\":\"b\"}}";
    private static final String BOOT = "{\"type\":\"boot\",\"data\":{\"boot\":1,\"reset\":\"SOFT\",\"readyMs\":20}}";
    private static final String ROUND = "{\"type\":\"round\",\"data\":{\"boot\":1,\"round\":1,\"connections\":[{\"client\":"
            + "{\"id\":\"b1r1c1\",\"localPort\":49584,\"start\":\"2026-01-01T00:00:01Z\",\"outcome\":\"OK\"},\"device\":["
            + "{\"seq\":5,\"offset\":398,\"hostTime\":\"2026-01-01T00:00:01Z\",\"boot\":1,\"type\":\"OTHER\",\"raw\":\"x, port 49584\",\"port\":49584}]}]}}";

    @TempDir
    Path dir;

    /** Every record handed on, as one line each, in order. */
    private static final class Seen implements JournalVisitor {
        final List<String> records = new ArrayList<>();
        final List<RoundRecord> rounds = new ArrayList<>();

        @Override
        public void campaign(CampaignHeader header) {
            records.add("campaign " + header.image());
        }

        @Override
        public void flash(FlashRecord flash) {
            records.add("flash " + flash.image());
        }

        @Override
        public void boot(BootRecord boot) {
            records.add("boot " + boot.boot());
        }

        @Override
        public void round(RoundRecord round) {
            records.add("round " + round.boot() + "." + round.round());
            rounds.add(round);
        }

        @Override
        public void watchdog(WatchdogRecord watchdog) {
            records.add("watchdog " + watchdog.reason());
        }

        @Override
        public void diagnosis(JsonNode findings) {
            records.add("diagnosis");
        }

        @Override
        public void end(EndRecord end) {
            records.add("end " + end.passed());
        }

        @Override
        public void note(String note) {
            records.add("note " + note);
        }
    }

    private Path journal(String... lines) throws IOException {
        return Files.writeString(dir.resolve("journal.jsonl"), String.join("\n", lines) + "\n");
    }

    private Seen read(Path file) throws IOException {
        Seen seen = new Seen();
        JournalReader.of(file).read(seen);
        return seen;
    }

    private JournalException failure(Path file) {
        return assertThrows(JournalException.class, () -> read(file));
    }

    @Test
    void handsOnEveryRecordTypedAndInOrder() throws Exception {
        Path file = journal(HEADER, "{\"type\":\"flash\",\"data\":{\"image\":\"lab-ca\"}}", BOOT, "", ROUND,
                "{\"type\":\"watchdog\",\"data\":{\"boot\":1,\"round\":1,\"reason\":\"hangs\",\"action\":\"power cycle\"}}",
                "{\"type\":\"diagnosis\",\"data\":{\"findings\":[]}}", "{\"type\":\"end\",\"data\":{\"passed\":true}}");

        Seen seen = read(dir);

        assertEquals(List.of("campaign lab-ca", "flash lab-ca", "boot 1", "round 1.1", "watchdog hangs", "diagnosis",
                "end true"), seen.records);
        assertEquals(1, seen.rounds.get(0).connections().get(0).device().size());
        assertEquals(file, JournalReader.of(dir).file());
    }

    @Test
    void clientsOnlyLeavesTheBoardsLinesOut() throws Exception {
        Seen seen = new Seen();
        JournalReader.of(journal(HEADER, ROUND)).clientsOnly().read(seen);

        assertEquals(49584, seen.rounds.get(0).connections().get(0).client().localPort());
        assertEquals(List.of(), seen.rounds.get(0).connections().get(0).device());
    }

    @Test
    void aLastLineCutShortIsANoteAndEverythingBeforeItStands() throws Exception {
        Seen seen = read(journal(HEADER, BOOT, "{\"type\":\"round\",\"data\":{\"boot\":1,\"ro"));

        assertEquals(List.of("campaign lab-ca", "boot 1",
                "note journal line 3 is cut short (36 characters); the run was probably killed while writing it, so it is left out"),
                seen.records);
    }

    @Test
    void anUnknownRecordTypeIsANote() throws Exception {
        assertEquals("note journal line 2: unknown record type 'telemetry' skipped",
                read(journal(HEADER, "{\"type\":\"telemetry\",\"data\":{}}")).records.get(1));
    }

    @Test
    void garbageBeforeTheLastLineIsAnError() throws Exception {
        Path file = journal(HEADER, "{not json", BOOT);

        JournalException e = failure(file);

        assertTrue(e.getMessage().startsWith(file + ":2: not a JSON record"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        Path file = journal(HEADER, "{\"type\":\"boot\",\"data\":{\"boot\":\"first\"}}");
        assertTrue(failure(file).getMessage().startsWith(file + ":2: 'boot' record: field 'boot': "), failure(file).getMessage());

        file = journal(HEADER, BOOT.replace("SOFT", "KICK"));
        assertTrue(failure(file).getMessage().startsWith(file + ":2: 'boot' record: field 'reset': "), failure(file).getMessage());

        file = journal(HEADER, "{\"type\":\"boot\",\"data\":7}");
        assertEquals(file + ":2: field 'data': missing or not an object", failure(file).getMessage());

        file = journal(HEADER, "{\"data\":{}}");
        assertEquals(file + ":2: field 'type': missing or not a string", failure(file).getMessage());
    }

    @Test
    void aConnectionWithoutClientOrOutcomeIsNamed() throws Exception {
        Path file = journal(HEADER, ROUND.replace("\"outcome\":\"OK\"", "\"outcome\":null"));
        assertEquals(file + ":2: 'round' record: field 'connections.[0].client.outcome': missing (the connection from port 49584)",
                failure(file).getMessage());

        file = journal(HEADER, ROUND.replace("\"client\":{", "\"client\":null,\"was\":{"));
        String message = failure(file).getMessage();
        assertTrue(message.startsWith(file + ":2: 'round' record: field 'connections.[0]': ")
                && message.contains("field 'client' is missing"), message);
    }

    @Test
    void aJournalStartsWithItsCampaignHeader() throws Exception {
        Path file = journal(BOOT);
        assertEquals(file + ":1: field 'type': not a campaign's journal: the first record must be the campaign header, not 'boot'",
                failure(file).getMessage());

        // hil analyze --journal given some other JSON-lines file
        file = journal("{\"type\":\"session\",\"data\":{}}");
        assertTrue(failure(file).getMessage().endsWith(":1: field 'type': not a campaign's journal: the first record must be"
                + " the campaign header, not 'session'"), failure(file).getMessage());
    }

    @Test
    void noJournalOrAnEmptyOneIsAClearError() throws Exception {
        assertEquals(dir.resolve("journal.jsonl") + ": no journal: not a run folder, or the run never started",
                failure(dir).getMessage());

        Path file = journal("");
        assertEquals(file + ": empty journal: the run never started", failure(file).getMessage());
    }
}
