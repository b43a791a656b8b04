package io.hilharness.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RoundsInMemory;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.json.Json;
import io.hilharness.json.ParserMessages;
import io.hilharness.json.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's {@code journal.jsonl} back into {@link Evidence}, so a run can be diagnosed again
 * (with newer or user rules) long after the board is gone. A journal cut short by a killed run is
 * still read up to its last whole record.
 */
public final class JournalEvidence {
    public static final String FILE_NAME = "journal.jsonl";

    private JournalEvidence() {
    }

    /** @param path a run folder or its journal file */
    public static Evidence read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new JournalFormatException(file + ": no such journal (expected a run folder holding " + FILE_NAME + ")");
        }
        ObjectMapper mapper = Json.mapper();
        String[] image = new String[1];
        CampaignSpec[] spec = new CampaignSpec[1];
        List<BootRecord> boots = new ArrayList<>();
        // A soak's journal is larger than a heap: passed rounds far from any failure keep their client records only.
        RoundsInMemory rounds = new RoundsInMemory(0);
        JsonLines.forEach(file, (lineNo, line, last) -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode record;
            try {
                record = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                if (last) {
                    return; // the run was killed while writing its last record: everything before it stands
                }
                throw new JournalFormatException(file + ":" + lineNo + ": not a JSON record ("
                        + e.getOriginalMessage() + ")");
            }
            String type = record.path("type").asText("");
            JsonNode data = record.path("data");
            if ((type.equals("boot") || type.equals("round")) && !data.isObject()) {
                throw new JournalFormatException(file + ":" + lineNo + ": " + type + " record: field \"data\" is missing or not an object");
            }
            try {
                switch (type) {
                    case "campaign" -> {
                        image[0] = data.path("image").asText(null);
                        spec[0] = data.hasNonNull("spec") ? mapper.treeToValue(data.get("spec"), CampaignSpec.class) : null;
                    }
                    case "boot" -> boots.add(mapper.treeToValue(data, BootRecord.class));
                    case "round" -> rounds.add(withOutcomes(mapper.treeToValue(data, RoundRecord.class), file, lineNo));
                    case "" -> throw new JournalFormatException(file + ":" + lineNo + ": field \"type\" is missing");
                    default -> {
                        // flash, diagnosis, end and record types of newer harnesses carry no evidence
                    }
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw new JournalFormatException(file + ":" + lineNo + ": " + type + " record: " + why);
            }
        });
        if (image[0] == null) {
            throw new JournalFormatException(file + ":1: no campaign record (is this a hil journal?)");
        }
        // The capture lives beside the journal; its conversations join the connections by client port.
        Path runDir = file.toAbsolutePath().getParent();
        Evidence evidence = Evidence.of(image[0], spec[0], boots, rounds.rounds());
        return runDir == null ? evidence : evidence.withWireOf(runDir);
    }

    /** Every rule sorts connections by outcome: a connection without one is a damaged record, named here. */
    private static RoundRecord withOutcomes(RoundRecord round, Path file, int line) throws JournalFormatException {
        for (CorrelatedConnection c : round.connections()) {
            if (c.client().outcome() == null) {
                throw new JournalFormatException(file + ":" + line + ": round record: the connection from port "
                        + c.client().localPort() + " has no 'outcome'");
            }
        }
        return round;
    }

    /** A journal that cannot be read; the message names the file and line. */
    public static final class JournalFormatException extends IOException {
        public JournalFormatException(String message) {
            super(ParserMessages.singleLine(message));
        }
    }
}
