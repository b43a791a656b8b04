package io.hilharness.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.json.Json;
import io.hilharness.json.ParserMessages;
import io.hilharness.json.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the client connections out of a campaign's journal.jsonl ({@code round} records). */
public final class JournalReader {

    /** A journal line that is not JSON: names file and line. */
    public static final class JournalException extends Exception {
        public JournalException(String message) {
            super(ParserMessages.singleLine(message));
        }
    }

    private JournalReader() {
    }

    public static List<ClientConnection> read(Path journal) throws IOException, JournalException {
        List<ClientConnection> clients = new ArrayList<>();
        boolean[] headed = {false};
        JsonLines.<JournalException>forEach(journal, (lineNo, line, last) -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode record;
            try {
                record = Json.mapper().readTree(line);
            } catch (IOException e) {
                if (last) {
                    return; // a killed run's last record, cut short: everything before it stands
                }
                throw new JournalException(journal + ":" + lineNo + ": not a JSON record");
            }
            String type = record.path("type").asText();
            if (!headed[0]) {
                // Anything else is some other JSON-lines file: joining nothing would look like an answer.
                if (!"campaign".equals(type)) {
                    throw new JournalException(journal + ":" + lineNo + ": field 'type': not a campaign's journal: its first"
                            + " record must be the campaign header, not '" + type + "'");
                }
                headed[0] = true;
            }
            if (!"round".equals(type)) {
                return;
            }
            if (!record.path("data").path("connections").isArray()) {
                throw new JournalException(journal + ":" + lineNo + ": field 'data.connections': not a list");
            }
            try {
                addClients(record.path("data"), clients);
            } catch (RuntimeException e) {
                throw new JournalException(journal + ":" + lineNo + ": data.connections: " + e.getMessage());
            }
        });
        return clients;
    }

    private static void addClients(JsonNode round, List<ClientConnection> clients) {
        for (JsonNode conn : round.path("connections")) {
            JsonNode c = conn.path("client");
            clients.add(new ClientConnection(c.path("id").asText(null),
                    c.hasNonNull("boot") ? c.get("boot").asInt() : round.path("boot").asInt(),
                    c.path("localPort").asInt(0),
                    c.hasNonNull("start") ? Instant.parse(c.get("start").asText()) : null,
                    c.path("outcome").asText(null)));
        }
    }
}
