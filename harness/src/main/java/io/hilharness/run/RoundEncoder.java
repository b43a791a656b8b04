package io.hilharness.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.LogFormats;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a round as a journal of bounded size keeps it: its device lines as references into
 * {@code console.raw} ({@link LineReferences}), each distinct server chain once per run. What only the
 * client knows (ports, times, TLS facts, exchanges, outcomes) stays in the record.
 *
 * <p>A list of lines is referred to only when decoding its lines again from the capture, as a reader
 * will, gives exactly the events the campaign saw (the encoder decodes the capture alongside,
 * {@link ConsoleReplay}); otherwise the list is written whole, events and all. So a reader
 * rebuilds every round as it was, whatever happened on the console (a line cut by a reconnect, a lab's
 * own log format the reader cannot know).
 */
final class RoundEncoder {
    /** A record's bulk, written apart: the board's events and the chain's PEM. */
    @JsonIgnoreProperties({"device"})
    private interface ConnectionWithoutLines {
    }

    @JsonIgnoreProperties({"events"})
    private interface SessionWithoutLines {
    }

    @JsonIgnoreProperties({"peerChain"})
    private interface ClientWithoutChain {
    }

    private static final ObjectMapper WITHOUT_BULK = Json.mapper().copy()
            .addMixIn(CorrelatedConnection.class, ConnectionWithoutLines.class)
            .addMixIn(DeviceSession.class, SessionWithoutLines.class)
            .addMixIn(ConnectionRecord.class, ClientWithoutChain.class);

    private final Path capture;
    private final String logFormat;
    private final Set<String> chainsWritten = new HashSet<>();
    private boolean consoleWritten;
    /** Null until the capture exists, and again for good once reading it failed. */
    private ConsoleReplay replay;
    private boolean replayBroken;

    /**
     * @param capture   the run's console.raw, as the console writes it
     * @param logFormat the name of the format the campaign parses the board's log with; a name
     *                  {@link LogFormats#byName} does not know (a lab's own format) keeps lines whole
     */
    RoundEncoder(Path capture, String logFormat) {
        this.capture = capture;
        this.logFormat = logFormat;
    }

    /** The records to append for one round, the records it refers to first. */
    Encoded encode(RoundRecord round) {
        ObjectNode data = WITHOUT_BULK.valueToTree(round);
        Map<String, List<String>> newChains = new LinkedHashMap<>();
        List<Lines> lines = new ArrayList<>();
        for (int i = 0; i < round.connections().size(); i++) {
            CorrelatedConnection c = round.connections().get(i);
            ObjectNode node = (ObjectNode) data.get("connections").get(i);
            List<String> chain = c.client().peerChain();
            if (!chain.isEmpty()) {
                String sha256 = PeerChains.sha256(chain);
                ((ObjectNode) node.get("client")).put("peerChainSha256", sha256);
                if (!chainsWritten.contains(sha256)) {
                    newChains.put(sha256, chain);
                }
            }
            lines.add(new Lines(node, "device", c.device()));
        }
        for (int i = 0; i < round.unmatchedDevice().size(); i++) {
            lines.add(new Lines((ObjectNode) data.get("unmatchedDevice").get(i), "events", round.unmatchedDevice().get(i).events()));
        }
        boolean referred = refer(lines);
        List<JournalLine> records = new ArrayList<>();
        newChains.forEach((sha256, pem) -> records.add(new JournalLine("chain", chainRecord(sha256, pem))));
        if (referred && !consoleWritten) {
            records.add(new JournalLine("console", consoleRecord()));
        }
        records.add(new JournalLine("round", data));
        return new Encoded(records, newChains.keySet(), referred);
    }

    /** A record to append, and what the encoder may count as written once it is on disk. */
    final class Encoded {
        final List<JournalLine> records;
        private final Set<String> chains;
        private final boolean console;

        private Encoded(List<JournalLine> records, Set<String> chains, boolean console) {
            this.records = records;
            this.chains = Set.copyOf(chains);
            this.console = console;
        }

        /** The records are synced: later rounds may refer to what they hold. */
        void written() {
            chainsWritten.addAll(chains);
            consoleWritten |= console;
        }
    }

    record JournalLine(String type, JsonNode data) {
    }

    /** One list of the board's events, and where in the round's JSON it goes. */
    private record Lines(ObjectNode owner, String field, List<DeviceEvent> events) {
    }

    /** Writes each list as references where they decode back to it, else whole; whether any was referred to. */
    private boolean refer(List<Lines> all) {
        ConsoleReplay decoder = replay();
        List<ConsoleReplay.Request> requests = new ArrayList<>();
        for (Lines lines : all) {
            Optional<LineReferences> refs = lines.events().isEmpty() || decoder == null ? Optional.empty()
                    : LineReferences.of(lines.events());
            requests.add(refs.isPresent() ? decoder.expect(refs.get()) : null);
        }
        boolean referred = false;
        for (int i = 0; i < all.size(); i++) {
            Lines lines = all.get(i);
            ConsoleReplay.Request request = requests.get(i);
            if (request != null && lines.events().equals(decoded(decoder, request))) {
                lines.owner().set("deviceLines", request.references().toJson());
                referred = true;
            } else {
                lines.owner().set(lines.field(), Json.mapper().valueToTree(lines.events()));
            }
        }
        return referred;
    }

    private List<DeviceEvent> decoded(ConsoleReplay decoder, ConsoleReplay.Request request) {
        if (replayBroken) {
            return null;
        }
        try {
            return decoder.events(request);
        } catch (IOException | RuntimeException e) {
            // The capture cannot be read back now: the journal keeps lines whole from here on.
            replayBroken = true;
            return null;
        }
    }

    private ConsoleReplay replay() {
        if (replay == null && !replayBroken && Files.isRegularFile(capture)) {
            try {
                replay = new ConsoleReplay(Files.newInputStream(capture), LogFormats.byName(logFormat));
            } catch (IllegalArgumentException | IOException notReplayable) {
                replayBroken = true;
            }
        }
        return replayBroken ? null : replay;
    }

    private ObjectNode consoleRecord() {
        ObjectNode console = Json.mapper().createObjectNode();
        console.put("file", capture.getFileName().toString());
        console.put("format", logFormat);
        return console;
    }

    private static ObjectNode chainRecord(String sha256, List<String> pem) {
        ObjectNode chain = Json.mapper().createObjectNode();
        chain.put("sha256", sha256);
        chain.set("pem", Json.mapper().valueToTree(pem));
        return chain;
    }

    void close() throws IOException {
        if (replay != null) {
            replay.close();
        }
    }
}
