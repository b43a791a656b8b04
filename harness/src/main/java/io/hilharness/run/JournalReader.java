package io.hilharness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.json.Json;
import io.hilharness.json.JsonLines;
import io.hilharness.json.ParserMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of a campaign's journal ({@code hil report}, {@code hil diagnose},
 * {@code hil analyze --journal}): hands each record, typed, to a {@link JournalVisitor}, one line at a
 * time (a soak's journal is larger than a heap). The journal is fsync'ed record by record, so a killed
 * run cuts at most its last line short: that line is a note, everything before it stands. Anything
 * else that does not read is a {@link JournalException} naming file, line and field.
 */
public final class JournalReader {
    private final ObjectMapper json = Json.mapper();
    private final Path file;
    private final boolean clientsOnly;

    private JournalReader(Path file, boolean clientsOnly) {
        this.file = file;
        this.clientsOnly = clientsOnly;
    }

    /** The journal of a run folder, or a journal file itself. */
    public static JournalReader of(Path runFolderOrJournal) {
        return Files.isDirectory(runFolderOrJournal) ? of(new RunFolder(runFolderOrJournal))
                : new JournalReader(RunFolder.stored(runFolderOrJournal), false);
    }

    public static JournalReader of(RunFolder run) {
        return new JournalReader(RunFolder.stored(run.journal()), false);
    }

    /**
     * The same journal, its rounds read without the board's lines (their connections' device events and
     * the sessions no client explains): for readers of the client side only, such as a join with a log
     * analyzed apart.
     */
    public JournalReader clientsOnly() {
        return new JournalReader(file, true);
    }

    /** The file read, for messages about its content. */
    public Path file() {
        return file;
    }

    public void read(JournalVisitor visitor) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new JournalException(file, 0, "no journal: not a run folder, or the run never started");
        }
        boolean[] headed = {false};
        try (RoundDecoder rounds = new RoundDecoder(file); InputStream in = RunFolder.open(file)) {
            JsonLines.forEach(in, (lineNo, line, last) -> {
                if (line.isBlank()) {
                    return;
                }
                JsonNode record;
                try {
                    record = json.readTree(line);
                } catch (JsonProcessingException e) {
                    if (last) {
                        visitor.note("journal line " + lineNo + " is cut short (" + line.length()
                                + " characters); the run was probably killed while writing it, so it is left out");
                        return;
                    }
                    throw new JournalException(file, lineNo, "not a JSON record: " + firstLine(e));
                }
                JsonNode typeNode = record.path("type");
                if (!headed[0] && !typeNode.asText("").equals("campaign")) {
                    // Some other JSON-lines file: reading nothing from it would look like an answer.
                    throw new JournalException(file, lineNo, "field 'type': not a campaign's journal: the first record"
                            + " must be the campaign header, not '" + typeNode.asText("") + "'");
                }
                headed[0] = true;
                if (!typeNode.isTextual()) {
                    throw new JournalException(file, lineNo, "field 'type': missing or not a string");
                }
                JsonNode data = record.get("data");
                if (data == null || !data.isObject()) {
                    throw new JournalException(file, lineNo, "field 'data': missing or not an object");
                }
                dispatch(typeNode.asText(), data, lineNo, visitor, rounds);
            });
        } catch (java.util.zip.ZipException | java.io.EOFException damaged) {
            throw new JournalException(file, 0, "not a whole gzip file: " + damaged.getMessage());
        }
        if (!headed[0]) {
            throw new JournalException(file, 0, "empty journal: the run never started");
        }
    }

    private void dispatch(String type, JsonNode data, int lineNo, JournalVisitor visitor, RoundDecoder rounds)
            throws IOException {
        switch (type) {
            case "campaign" -> visitor.campaign(record(lineNo, type, data, CampaignHeader.class));
            case "flash" -> visitor.flash(record(lineNo, type, data, FlashRecord.class));
            case "boot" -> visitor.boot(record(lineNo, type, data, BootRecord.class));
            case "round" -> {
                RoundDecoder.References lines = rounds.split(data, lineNo);
                RoundRecord round = withOutcomes(record(lineNo, type, clientsOnly ? clientSide(data) : data, RoundRecord.class), lineNo);
                visitor.round(clientsOnly ? round : rounds.resolve(round, lines, lineNo, visitor));
            }
            case "chain" -> rounds.chain(data, lineNo);
            case "console" -> rounds.console(data, lineNo);
            case "watchdog" -> visitor.watchdog(record(lineNo, type, data, WatchdogRecord.class));
            case "crash" -> visitor.crash(record(lineNo, type, data, CrashRecord.class));
            case "diagnosis" -> visitor.diagnosis(data);
            case "end" -> visitor.end(record(lineNo, type, data, EndRecord.class));
            default -> visitor.note("journal line " + lineNo + ": unknown record type '" + type + "' skipped");
        }
    }

    private <T> T record(int lineNo, String type, JsonNode data, Class<T> shape) throws JournalException {
        try {
            return json.treeToValue(data, shape);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException m ? ParserMessages.fieldPath(m) : "";
            throw new JournalException(file, lineNo, "'" + type + "' record: "
                    + (field.isEmpty() ? "" : "field '" + field + "': ") + firstLine(e));
        }
    }

    /** The round record without the board's lines (the record is read once: it is changed in place). */
    private static JsonNode clientSide(JsonNode round) {
        ((ObjectNode) round).remove("unmatchedDevice");
        for (JsonNode connection : round.path("connections")) {
            if (connection instanceof ObjectNode c) {
                c.remove("device");
            }
        }
        return round;
    }

    /** Every report and rule sorts connections by outcome: one without is a damaged record, named here. */
    private RoundRecord withOutcomes(RoundRecord round, int lineNo) throws JournalException {
        for (int i = 0; i < round.connections().size(); i++) {
            CorrelatedConnection c = round.connections().get(i);
            if (c.client().outcome() == null) {
                throw new JournalException(file, lineNo, "'round' record: field 'connections.[" + i
                        + "].client.outcome': missing (the connection from port " + c.client().localPort() + ")");
            }
        }
        return round;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
