package io.hilharness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RoundsInMemory;
import io.hilharness.run.RunFolder;
import io.hilharness.json.Json;
import io.hilharness.json.JsonLines;
import io.hilharness.json.ParserMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run folder's journal back into a {@link CampaignResult}, so every report can be rebuilt
 * after the fact, also from a run that was killed: the journal is fsync'ed record by record, so at
 * most its last line can be cut short, and everything before it is reported. Reads line by line, and
 * keeps of a long run what {@link RoundsInMemory} keeps: a soak's journal is larger than a heap.
 */
public final class RunFolderReader {
    private final ObjectMapper json = Json.mapper();

    /** Receives every round as the journal holds it, whole, in journal order. */
    public interface RoundListener {
        void round(String image, RoundRecord round) throws IOException;
    }

    /**
     * The run as memory holds it: passed rounds far from any failure without their device lines and
     * server chains ({@link RoundsInMemory}), except those the HTML report shows line by line.
     */
    public RecordedRun read(RunFolder run) throws IOException {
        return read(run, (image, round) -> { });
    }

    /** {@link #read(RunFolder)}, handing {@code everyRound} each round whole as it is read. */
    public RecordedRun read(RunFolder run, RoundListener everyRound) throws IOException {
        Path file = run.journal();
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(file, 0, "no journal: not a run folder, or the run never started");
        }
        Reading reading = new Reading(file, everyRound);
        JsonLines.forEach(file, reading::line);
        return reading.recorded(run);
    }

    /** One read of a journal, line by line. */
    private final class Reading {
        private final Path file;
        private final RoundListener everyRound;
        private final List<String> notes = new ArrayList<>();
        private final List<BootRecord> boots = new ArrayList<>();
        private final RoundsInMemory rounds = new RoundsInMemory(HtmlReport.PASSED_IN_DETAIL);
        private Header header;
        private Instant ended;
        private Integer bootsRun;

        Reading(Path file, RoundListener everyRound) {
            this.file = file;
            this.everyRound = everyRound;
        }

        void line(int lineNo, String line, boolean last) throws IOException {
            if (line.isBlank()) {
                return;
            }
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (JsonProcessingException e) {
                if (last) {
                    notes.add("journal line " + lineNo + " is cut short (" + line.length()
                            + " characters); the run was probably killed while writing it, so it is left out");
                    return;
                }
                throw new ReportInputException(file, lineNo, "not a JSON record: " + firstLine(e));
            }
            String type = record.path("type").asText("");
            JsonNode data = record.get("data");
            if (data == null || !data.isObject()) {
                throw new ReportInputException(file, lineNo, "field 'data': missing or not an object");
            }
            switch (type) {
                case "campaign" -> header = field(file, lineNo, "campaign", data, Header.class);
                case "boot" -> boots.add(field(file, lineNo, "boot", data, BootRecord.class));
                case "round" -> {
                    RoundRecord round = field(file, lineNo, "round", data, RoundRecord.class);
                    if (header != null) {
                        everyRound.round(header.image(), round);
                    }
                    rounds.add(round);
                }
                case "end" -> {
                    End end = field(file, lineNo, "end", data, End.class);
                    ended = end.at();
                    bootsRun = end.boots();
                    if (end.stopped() != null) {
                        notes.add("stopped by " + end.stopped() + " after the round in flight");
                    }
                    if (end.aborted() != null) {
                        notes.add("campaign ended early: " + end.aborted());
                    }
                }
                case "watchdog" -> notes.add("watchdog: boot " + data.path("boot").asInt() + " round "
                        + data.path("round").asInt() + ": " + data.path("reason").asText() + "; "
                        + data.path("action").asText());
                case "flash" -> {
                    // nothing to rebuild from it: the header names the image
                }
                case "diagnosis" -> {
                    // made again from the rounds, by the rules of the harness that reads them
                }
                default -> notes.add("journal line " + lineNo + ": unknown record type '" + type + "' skipped");
            }
            if (header == null) {
                throw new ReportInputException(file, lineNo, "field 'type': the first record must be the campaign header, not '" + type + "'");
            }
        }

        RecordedRun recorded(RunFolder run) throws ReportInputException {
            if (header == null) {
                throw new ReportInputException(file, 0, "empty journal: the run never started");
            }
            if (header.image() == null || header.spec() == null) {
                throw new ReportInputException(file, 1, "campaign header: field '" + (header.image() == null ? "image" : "spec") + "' is missing");
            }
            List<RoundRecord> kept = rounds.rounds();
            if (ended == null) {
                notes.add("the journal has no end record: the run did not finish; "
                        + boots.size() + " boots and " + kept.size() + " rounds were journaled");
            }
            if (!Files.isRegularFile(run.consoleCapture())) {
                notes.add("no console.raw in the run folder: device lines come from the journal only");
            }
            CampaignSpec spec = bootsRun != null && bootsRun >= 1 ? header.spec().withBoots(bootsRun) : header.spec();
            CampaignResult result = new CampaignResult(header.image(), header.board(), run.dir(), spec, boots, kept);
            return new RecordedRun(result, header.started(), ended, notes);
        }
    }

    private <T> T field(Path file, int lineNo, String type, JsonNode data, Class<T> shape) throws ReportInputException {
        try {
            return json.treeToValue(data, shape);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? ParserMessages.fieldPath(m) : "";
            throw new ReportInputException(file, lineNo, "'" + type + "' record: "
                    + (field.isEmpty() ? "" : "field '" + field + "': ") + firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The journal's first record, as {@code Campaign} writes it. */
    record Header(String image, String board, String endpoint, CampaignSpec spec, Instant started) {
    }

    /** @param boots set when the campaign ran until a deadline: the boots it ran, fewer than the spec's bound */
    record End(Instant at, Boolean passed, String stopped, String aborted, Integer boots) {
    }
}
