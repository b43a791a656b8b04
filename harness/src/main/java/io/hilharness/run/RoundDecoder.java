package io.hilharness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.LogFormat;
import io.hilharness.devlog.LogFormats;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading half of {@link RoundEncoder}: puts a round's chains back from the journal's {@code chain}
 * records and its device lines back from {@code console.raw} (or its gzip), decoded again with the log
 * format the {@code console} record names. A round written whole passes unchanged.
 */
final class RoundDecoder implements Closeable {
    private final Path journal;
    private final Map<String, JsonNode> chains = new HashMap<>();
    private Path capture;
    private LogFormat format;
    private ConsoleReplay replay;
    private boolean captureMissing;
    private boolean captureCut;

    RoundDecoder(Path journal) {
        this.journal = journal;
    }

    /** The references of one round, taken out of its JSON before it is read as a {@link RoundRecord}. */
    static final class References {
        private final Map<Integer, LineReferences> connections = new LinkedHashMap<>();
        private final Map<Integer, LineReferences> sessions = new LinkedHashMap<>();

        boolean isEmpty() {
            return connections.isEmpty() && sessions.isEmpty();
        }
    }

    void chain(JsonNode data, int lineNo) throws JournalException {
        JsonNode sha256 = data.path("sha256");
        JsonNode pem = data.path("pem");
        if (!sha256.isTextual()) {
            throw new JournalException(journal, lineNo, "'chain' record: field 'sha256': missing or not a string");
        }
        if (!pem.isArray()) {
            throw new JournalException(journal, lineNo, "'chain' record: field 'pem': missing or not a list");
        }
        chains.put(sha256.asText(), pem);
    }

    void console(JsonNode data, int lineNo) throws JournalException {
        String file = data.path("file").asText("");
        Path dir = journal.toAbsolutePath().getParent();
        if (file.isEmpty() || dir == null || !isFileName(file)) {
            throw new JournalException(journal, lineNo, "'console' record: field 'file': not a file name beside the journal: '" + file + "'");
        }
        try {
            format = LogFormats.byName(data.path("format").asText(null));
        } catch (IllegalArgumentException e) {
            throw new JournalException(journal, lineNo, "'console' record: field 'format': " + e.getMessage());
        }
        capture = RunFolder.stored(dir.resolve(file));
    }

    /** The capture lives beside the journal; a record naming another place is damaged, not followed. */
    private static boolean isFileName(String name) {
        try {
            return Path.of(name).getFileName().toString().equals(name) && !name.equals("..");
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Puts the round's chains in and takes its line references out, so that what is left reads as a
     * round with its lines inline (the record is read once: it is changed in place).
     */
    References split(JsonNode round, int lineNo) throws JournalException {
        References refs = new References();
        JsonNode connections = round.path("connections");
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i) instanceof ObjectNode connection) {
                String field = "connections.[" + i + "]";
                if (connection.get("client") instanceof ObjectNode client) {
                    putChain(client, field + ".client", lineNo);
                }
                LineReferences lines = take(connection, field, lineNo);
                if (lines != null) {
                    refs.connections.put(i, lines);
                }
            }
        }
        JsonNode sessions = round.path("unmatchedDevice");
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i) instanceof ObjectNode session) {
                LineReferences lines = take(session, "unmatchedDevice.[" + i + "]", lineNo);
                if (lines != null) {
                    refs.sessions.put(i, lines);
                }
            }
        }
        return refs;
    }

    private void putChain(ObjectNode client, String field, int lineNo) throws JournalException {
        JsonNode sha256 = client.remove("peerChainSha256");
        if (sha256 == null) {
            return;
        }
        JsonNode pem = chains.get(sha256.asText());
        if (pem == null) {
            throw new JournalException(journal, lineNo, "'round' record: field '" + field
                    + ".peerChainSha256': no 'chain' record before this line has " + sha256.asText());
        }
        client.set("peerChain", pem);
    }

    private LineReferences take(ObjectNode owner, String field, int lineNo) throws JournalException {
        JsonNode refs = owner.remove("deviceLines");
        if (refs == null) {
            return null;
        }
        try {
            return LineReferences.fromJson(refs);
        } catch (IllegalArgumentException e) {
            throw new JournalException(journal, lineNo, "'round' record: field '" + field + ".deviceLines': " + e.getMessage());
        }
    }

    /** The round with the events its references name, decoded from the capture. */
    RoundRecord resolve(RoundRecord round, References refs, int lineNo, JournalVisitor visitor) throws IOException {
        if (refs.isEmpty()) {
            return round;
        }
        if (format == null) {
            throw new JournalException(journal, lineNo, "'round' record: field '" + firstField(refs)
                    + ".deviceLines': no 'console' record before this line names the capture it refers to");
        }
        ConsoleReplay decoder = replay(visitor);
        if (decoder == null) {
            return round;
        }
        Map<Integer, ConsoleReplay.Request> connections = new LinkedHashMap<>();
        Map<Integer, ConsoleReplay.Request> sessions = new LinkedHashMap<>();
        refs.connections.forEach((i, lines) -> connections.put(i, decoder.expect(lines)));
        refs.sessions.forEach((i, lines) -> sessions.put(i, decoder.expect(lines)));
        List<CorrelatedConnection> joined = new ArrayList<>(round.connections());
        for (Map.Entry<Integer, ConsoleReplay.Request> e : connections.entrySet()) {
            CorrelatedConnection c = joined.get(e.getKey());
            joined.set(e.getKey(), new CorrelatedConnection(c.client(), events(decoder, e.getValue(), lineNo, visitor)));
        }
        List<DeviceSession> unmatched = new ArrayList<>(round.unmatchedDevice());
        for (Map.Entry<Integer, ConsoleReplay.Request> e : sessions.entrySet()) {
            DeviceSession s = unmatched.get(e.getKey());
            unmatched.set(e.getKey(), new DeviceSession(s.port(), events(decoder, e.getValue(), lineNo, visitor), s.lateFor()));
        }
        return new RoundRecord(round.boot(), round.round(), round.start(), round.end(), joined, unmatched,
                round.sessionsWithoutEnd());
    }

    /**
     * The events of one list; none when the capture ends before them. The console writes the capture to the
     * operating system as it reads, and the journal syncs its records, so a run killed at any moment has
     * every line its journal refers to; a capture cut short later (a copy of a folder still being written,
     * a host that lost power) costs those lines, noted once, not the report.
     */
    private List<DeviceEvent> events(ConsoleReplay decoder, ConsoleReplay.Request request, int lineNo, JournalVisitor visitor)
            throws IOException {
        List<DeviceEvent> events = decoder.events(request);
        if (events == null) {
            if (!captureCut) {
                captureCut = true;
                visitor.note(capture.getFileName() + " ends before the board's lines journal line " + lineNo
                        + " refers to (it was cut short or changed after the run): they and those of later rounds are left out");
            }
            return List.of();
        }
        return events;
    }

    private static String firstField(References refs) {
        return refs.connections.isEmpty() ? "unmatchedDevice.[" + refs.sessions.keySet().iterator().next() + "]"
                : "connections.[" + refs.connections.keySet().iterator().next() + "]";
    }

    /** The capture decoded so far; null when it is not in the run folder (noted once). */
    private ConsoleReplay replay(JournalVisitor visitor) throws IOException {
        if (replay == null && !captureMissing) {
            if (!Files.isRegularFile(capture)) {
                captureMissing = true;
                visitor.note(capture.getFileName() + " is not in the run folder: the board's lines the journal refers to"
                        + " there are left out");
                return null;
            }
            replay = new ConsoleReplay(RunFolder.open(capture), format);
        }
        return replay;
    }

    @Override
    public void close() throws IOException {
        if (replay != null) {
            replay.close();
        }
    }
}
