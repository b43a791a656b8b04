package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that refers to console.raw instead of copying the board's lines reads back to exactly the
 * rounds the campaign journaled: on a real capture of the reference firmware in mbedTLS's own format
 * (hex dumps over many lines, two connections at once, CR LF), read in odd chunks while it grows.
 */
class JournalReferencesTest {
    private static final List<String> CHAIN = List.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private static byte[] capture() throws IOException {
        return Files.readAllBytes(ProjectLayout.locate().root().resolve("fixtures/devlog/refboard-mbedtls-ports.log"));
    }

    /**
     * One round per boot of the capture: its first port unmatched by any client (after the first boot, as
     * late lines of an earlier connection), the others connections.
     */
    private static List<RoundRecord> rounds(List<DeviceEvent> events) {
        Map<Integer, Map<Integer, List<DeviceEvent>>> byBoot = new LinkedHashMap<>();
        for (DeviceEvent e : events) {
            if (e.port() != null) {
                byBoot.computeIfAbsent(e.boot(), b -> new LinkedHashMap<>()).computeIfAbsent(e.port(), p -> new ArrayList<>()).add(e);
            }
        }
        List<RoundRecord> rounds = new ArrayList<>();
        byBoot.forEach((boot, ports) -> {
            List<CorrelatedConnection> connections = new ArrayList<>();
            List<DeviceSession> unmatched = new ArrayList<>();
            ports.forEach((port, lines) -> {
                if (unmatched.isEmpty()) {
                    unmatched.add(new DeviceSession(port, lines, boot > 1 ? "earlier" : null));
                } else {
                    connections.add(new CorrelatedConnection(new ConnectionRecord("b" + boot + "c" + port, boot, 1, port,
                            "127.0.0.1:8443", T0, T0.plusMillis(20), 1L, 10L, "TLSv1.2", "TLS_X", CHAIN, List.of(),
                            Outcome.OK, null), lines));
                }
            });
            rounds.add(new RoundRecord(boot, 1, T0, T0.plusSeconds(1), connections, unmatched, Set.of(port(ports))));
        });
        return rounds;
    }

    private static int port(Map<Integer, List<DeviceEvent>> ports) {
        return ports.keySet().iterator().next();
    }

    private static void header(Journal journal) throws IOException {
        journal.append("campaign", Map.of("image", "capture", "board", "test"));
    }

    private List<RoundRecord> readBack(Path journal) throws IOException {
        List<RoundRecord> rounds = new ArrayList<>();
        JournalReader.of(journal).read(new JournalVisitor() {
            @Override
            public void round(RoundRecord round) {
                rounds.add(round);
            }
        });
        return rounds;
    }

    private static List<JsonNode> records(Path journal, String type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.path("type").asText().equals(type)) {
                found.add(record.path("data"));
            }
        }
        return found;
    }

    @Test
    void roundsReadBackAsJournaledWhileTheCaptureGrows() throws Exception {
        RunFolder run = new RunFolder(dir);
        byte[] bytes = capture();
        int half = indexOf(bytes, "reboot".getBytes(StandardCharsets.US_ASCII));
        LiveConsole console = new LiveConsole(run.consoleCapture(), "mbedtls");
        List<RoundRecord> written = new ArrayList<>();
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            console.send(Arrays.copyOfRange(bytes, 0, half), 4093);
            RoundRecord first = rounds(console.events()).get(0);
            journal.append("round", first);
            written.add(first);
            console.send(Arrays.copyOfRange(bytes, half, bytes.length), 777);
            RoundRecord second = rounds(console.events()).get(1);
            journal.append("round", second);
            written.add(second);
        }

        assertEquals(written, readBack(run.journal()));
        assertTrue(written.get(1).connections().stream().anyMatch(c -> c.device().stream().anyMatch(e -> e.dump() != null)),
                "hex dumps were reassembled again");
        assertEquals(1, records(run.journal(), "chain").size(), "one chain, written once");
        assertEquals(1, records(run.journal(), "console").size());
        for (JsonNode round : records(run.journal(), "round")) {
            for (JsonNode c : round.path("connections")) {
                assertTrue(c.has("deviceLines") && !c.has("device"), c.toString());
                assertFalse(c.path("client").has("peerChain"), c.toString());
            }
            assertTrue(round.path("unmatchedDevice").get(0).has("deviceLines"));
        }
        assertEquals(List.of(false, true), records(run.journal(), "round").stream()
                .map(r -> r.path("unmatchedDevice").get(0).has("lateFor")).toList(), "written only for late lines");
        long journalBytes = Files.size(run.journal());
        assertTrue(journalBytes < 20_000, "the journal refers to the capture: " + journalBytes + " bytes");
    }

    @Test
    void linesTheCaptureDoesNotDecodeBackToAreKeptWhole() throws Exception {
        RunFolder run = new RunFolder(dir);
        byte[] bytes = capture();
        int cut = indexOf(bytes, "reboot".getBytes(StandardCharsets.US_ASCII)) + 3;
        // The console vanished in the middle of a line: the live framer ended it there, a re-read of the
        // capture cannot know, so the lines around it are kept as they were seen.
        LiveConsole console = new LiveConsole(run.consoleCapture(), "mbedtls")
                .send(Arrays.copyOfRange(bytes, 0, cut), 5000).disconnect()
                .send(Arrays.copyOfRange(bytes, cut, bytes.length), 5000);
        List<RoundRecord> written = rounds(console.events());
        // A list of events that is not what the capture holds (another parser, a lab's own format).
        DeviceEvent forged = DeviceEvent.builder().seq(1).offset(0).hostTime(T0).raw("forged").message("forged").port(1).build();
        RoundRecord odd = new RoundRecord(3, 1, T0, T0, List.of(), List.of(new DeviceSession(1, List.of(forged))), Set.of());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            for (RoundRecord round : written) {
                journal.append("round", round);
            }
            journal.append("round", odd);
        }
        List<RoundRecord> all = new ArrayList<>(written);
        all.add(odd);

        assertEquals(all, readBack(run.journal()));
        List<JsonNode> rounds = records(run.journal(), "round");
        assertTrue(rounds.get(0).path("connections").get(0).has("deviceLines"), "before the cut: referred to");
        assertTrue(rounds.get(2).path("unmatchedDevice").get(0).has("events"), "forged: whole");
    }

    @Test
    void aLogFormatTheReaderCannotKnowKeepsLinesWhole() throws Exception {
        RunFolder run = new RunFolder(dir);
        LiveConsole console = new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192);
        List<RoundRecord> written = rounds(console.events());
        try (Journal journal = Journal.referencing(run, "my-lab-format")) {
            header(journal);
            journal.append("round", written.get(0));
        }

        assertEquals(written.subList(0, 1), readBack(run.journal()));
        assertEquals(List.of(), records(run.journal(), "console"));
    }

    @Test
    void withoutTheCaptureRoundsReadWithTheClientsSideAndANote() throws Exception {
        RunFolder run = new RunFolder(dir);
        List<RoundRecord> written = rounds(new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192).events());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            journal.append("round", written.get(0));
        }
        Files.delete(run.consoleCapture());

        List<String> notes = new ArrayList<>();
        List<RoundRecord> read = new ArrayList<>();
        JournalReader.of(run).read(new JournalVisitor() {
            @Override
            public void round(RoundRecord round) {
                read.add(round);
            }

            @Override
            public void note(String note) {
                notes.add(note);
            }
        });

        assertEquals(List.of("console.raw is not in the run folder: the board's lines the journal refers to there are left out"), notes);
        assertEquals(written.get(0).withoutBulkyEvidence().connections().stream().map(c -> c.client().id()).toList(),
                read.get(0).connections().stream().map(c -> c.client().id()).toList());
        assertEquals(CHAIN, read.get(0).connections().get(0).client().peerChain(), "the chain is in the journal");
        assertTrue(read.get(0).connections().get(0).device().isEmpty());
    }

    @Test
    void aCaptureCutShortOfItsLinesCostsThoseLinesWithANote() throws Exception {
        RunFolder run = new RunFolder(dir);
        List<RoundRecord> written = rounds(new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192).events());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            journal.append("round", written.get(0));
            journal.append("round", written.get(1));
        }
        int boot2 = indexOf(capture(), "reboot".getBytes(StandardCharsets.US_ASCII));
        Files.write(run.consoleCapture(), Arrays.copyOf(capture(), boot2));

        List<String> notes = new ArrayList<>();
        List<RoundRecord> read = new ArrayList<>();
        JournalReader.of(run).read(new JournalVisitor() {
            @Override
            public void round(RoundRecord round) {
                read.add(round);
            }

            @Override
            public void note(String note) {
                notes.add(note);
            }
        });

        assertEquals(List.of("console.raw ends before the board's lines journal line 5 refers to (it was cut short or changed"
                + " after the run): they and those of later rounds are left out"), notes);
        assertEquals(written.get(0), read.get(0), "the lines before the cut are there");
        assertEquals(written.get(1).connections().stream().map(c -> c.client()).toList(),
                read.get(1).connections().stream().map(c -> c.client()).toList());
        assertTrue(read.get(1).connections().stream().allMatch(c -> c.device().isEmpty()));
    }

    @Test
    void aChainNoRecordHoldsIsAnErrorNamingTheField() throws Exception {
        RunFolder run = new RunFolder(dir);
        List<RoundRecord> written = rounds(new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192).events());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            journal.append("round", written.get(0));
        }
        List<String> lines = Files.readAllLines(run.journal()).stream()
                .filter(l -> !l.startsWith("{\"type\":\"chain\"")).collect(Collectors.toList());
        Files.write(run.journal(), lines);

        JournalException e = assertThrows(JournalException.class, () -> readBack(run.journal()));

        assertTrue(e.getMessage().contains(":3: 'round' record: field 'connections.[0].client.peerChainSha256': no 'chain' record"
                + " before this line has "), e.getMessage());
    }

    @Test
    void aConsoleRecordNamingAnUnknownFormatOrAnotherPlaceIsAnError() throws Exception {
        RunFolder run = new RunFolder(dir);
        List<RoundRecord> written = rounds(new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192).events());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            journal.append("round", written.get(0));
        }
        String journal = Files.readString(run.journal());

        Files.writeString(run.journal(), journal.replace("\"format\":\"mbedtls\"", "\"format\":\"klingon\""));
        JournalException e = assertThrows(JournalException.class, () -> readBack(run.journal()));
        assertTrue(e.getMessage().contains(":3: 'console' record: field 'format': unknown device log format 'klingon'"), e.getMessage());

        Files.writeString(run.journal(), journal.replace("\"file\":\"console.raw\"", "\"file\":\"../../etc/passwd\""));
        e = assertThrows(JournalException.class, () -> readBack(run.journal()));
        assertTrue(e.getMessage().contains(":3: 'console' record: field 'file': not a file name beside the journal: '../../etc/passwd'"),
                e.getMessage());
    }

    @Test
    void compressedRunFoldersReadTheSame() throws Exception {
        RunFolder run = new RunFolder(dir);
        List<RoundRecord> written = rounds(new LiveConsole(run.consoleCapture(), "mbedtls").send(capture(), 8192).events());
        try (Journal journal = Journal.referencing(run, "mbedtls")) {
            header(journal);
            for (RoundRecord round : written) {
                journal.append("round", round);
            }
        }

        run.compress();

        assertFalse(Files.exists(run.journal()) || Files.exists(run.consoleCapture()));
        assertEquals(RunFolder.stored(run.journal()), dir.resolve("journal.jsonl.gz"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("console.raw.gz"))));
        assertEquals(written, readBack(dir));
        assertEquals(written, readBack(run.journal()), "the journal named as it was before compression");
        assertNotNull(JournalReader.of(run).file());
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
