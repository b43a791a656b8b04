package io.hilharness.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.json.Json;
import io.hilharness.run.LineReferences;
import io.hilharness.run.PeerChains;
import io.hilharness.run.RoundRecord;
import io.hilharness.secrets.KeyRedaction;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per connection, what the client saw and what the board logged for it, in one place: the view an
 * engineer otherwise builds by hand from a serial terminal and a packet capture. The shape of
 * timeline.json, which {@link Writer} writes one round at a time (a soak's timeline is longer than a
 * heap), one connection a line.
 *
 * <p>The board's lines are in {@code console}: a connection names where ({@code deviceLines}) and
 * quotes the lines that mean something ({@code deviceFacts}: every line but those the parser did not
 * understand), decoded. Each distinct server chain is listed once, connections name it by hash.
 */
public record Timeline(String image, String console, List<Entry> connections, List<Chain> chains) {

    /** The file the line numbers and offsets refer to. */
    public static final String CONSOLE = "console.raw";

    /**
     * One connection.
     *
     * @param peerChainSha256 the server chain as received, in {@link Timeline#chains}; null when none came
     * @param client          the client's record, without the chain
     */
    public record Entry(String id, int boot, int round, int localPort, Instant start, Instant end,
                        String outcome, String outcomeDetail, String peerChainSha256, ConnectionRecord client,
                        List<Lines> deviceLines, List<Fact> deviceFacts) {
    }

    /** Console lines {@code from} to {@code to}, the first at byte {@code offset} of the console file. */
    public record Lines(long from, long to, long offset) {
    }

    /** One line of the board that says something, decoded; private keys redacted. */
    public record Fact(long line, long offset, Instant hostTime, Long deviceMs, String type, String text,
                       String detail, String codeName, String alertName) {
    }

    public record Chain(String sha256, List<String> pem) {
    }

    static Entry entry(int boot, int round, CorrelatedConnection c, String chain) {
        ConnectionRecord client = c.client();
        List<Lines> lines = LineReferences.spans(c.device()).stream()
                .map(s -> new Lines(s.seq(), s.seq() + s.count() - 1, s.offset())).toList();
        return new Entry(client.id(), boot, round, client.localPort(), client.start(), client.end(),
                client.outcome().name(), client.outcomeDetail(), chain, client, lines, facts(c.device()));
    }

    /** The lines the parser understood, texts redacted as one block: a key's lines are only known as one. */
    private static List<Fact> facts(List<DeviceEvent> events) {
        List<String> texts = KeyRedaction.lines(events.stream().map(DeviceEvent::message).toList());
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            DeviceEvent e = events.get(i);
            if (e.type() != EventType.OTHER) {
                facts.add(new Fact(e.seq(), e.offset(), e.hostTime(), e.deviceMs(), e.type().name(), texts.get(i),
                        e.detail(), e.codeName(), e.alertName()));
            }
        }
        return facts;
    }

    /** The chain is listed once in {@link Timeline#chains}, not with every connection. */
    @JsonIgnoreProperties({"peerChain"})
    private interface ClientWithoutChain {
    }

    /** Compact JSON with each connection (and chain) on a line of its own: a file to grep as well as to parse. */
    private static final class OneConnectionALine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newLineInList(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLineInList(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values > 0) {
                newLineInList(g);
            }
            g.writeRaw(']');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int fields) throws IOException {
            g.writeRaw(g.getOutputContext().getParent().inRoot() ? "}\n" : "}");
        }

        /** A new line in the timeline's own lists, not in those inside a connection. */
        private static void newLineInList(JsonGenerator g) throws IOException {
            JsonStreamContext list = g.getOutputContext();
            if (list.inArray() && list.getParent().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }
    }

    /** Writes a {@link Timeline} round by round, as the rounds come (from the journal, or a result). */
    static final class Writer implements AutoCloseable {
        private final JsonGenerator json;
        private final ObjectWriter values = Json.mapper().copy().addMixIn(ConnectionRecord.class, ClientWithoutChain.class)
                .writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        private final Map<String, List<String>> chains = new LinkedHashMap<>();
        private boolean started;

        Writer(OutputStream out) throws IOException {
            json = Json.mapper().getFactory().createGenerator(out).setPrettyPrinter(new OneConnectionALine());
        }

        void round(String image, RoundRecord round) throws IOException {
            start(image);
            for (CorrelatedConnection c : round.connections()) {
                String chain = null;
                if (!c.client().peerChain().isEmpty()) {
                    chain = PeerChains.sha256(c.client().peerChain());
                    chains.putIfAbsent(chain, c.client().peerChain());
                }
                values.writeValue(json, entry(round.boot(), round.round(), c, chain));
            }
        }

        /** Ends the file; {@code image} is written if no round came before. */
        void finish(String image) throws IOException {
            start(image);
            json.writeEndArray();
            json.writeArrayFieldStart("chains");
            for (Map.Entry<String, List<String>> chain : chains.entrySet()) {
                values.writeValue(json, new Chain(chain.getKey(), chain.getValue()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        }

        private void start(String image) throws IOException {
            if (started) {
                return;
            }
            started = true;
            json.writeStartObject();
            if (image != null) {
                json.writeStringField("image", image);
            }
            json.writeStringField("console", CONSOLE);
            json.writeArrayFieldStart("connections");
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }
}
