package io.hilharness.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hilharness.run.RoundRecord;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.json.Json;
import io.hilharness.secrets.KeyRedaction;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Per connection, what the client saw and what the board logged for it, in one place: the view an
 * engineer otherwise builds by hand from a serial terminal and a packet capture. The shape of
 * timeline.json, which {@link Writer} writes one round at a time (a soak's timeline is gigabytes,
 * more than a heap holds at once).
 */
public record Timeline(String image, List<Entry> connections) {

    /** One connection; {@code deviceLines} point into the raw capture by line number and byte offset. */
    public record Entry(String id, int boot, int round, int localPort, Instant start, Instant end,
                        String outcome, String outcomeDetail, ConnectionRecord client, List<DeviceLine> deviceLines) {
    }

    public record DeviceLine(long line, long offset, Instant hostTime, Long deviceMs, String type, String text) {
        /** The lines of one connection, private keys redacted. */
        static List<DeviceLine> of(List<DeviceEvent> events) {
            List<String> texts = KeyRedaction.lines(events.stream().map(DeviceEvent::message).toList());
            List<DeviceLine> lines = new java.util.ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                DeviceEvent e = events.get(i);
                lines.add(new DeviceLine(e.seq(), e.offset(), e.hostTime(), e.deviceMs(), e.type().name(), texts.get(i)));
            }
            return lines;
        }
    }

    private static Entry entry(int boot, int round, CorrelatedConnection c) {
        ConnectionRecord client = c.client();
        return new Entry(client.id(), boot, round, client.localPort(), client.start(), client.end(),
                client.outcome().name(), client.outcomeDetail(), client,
                DeviceLine.of(c.device()));
    }

    /** Writes a {@link Timeline} round by round, pretty-printed, as the rounds come (from the journal, or a result). */
    static final class Writer implements AutoCloseable {
        private final JsonGenerator json;
        private final ObjectWriter entries = Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        private boolean started;

        Writer(OutputStream out) throws IOException {
            json = Json.mapper().getFactory().createGenerator(out);
            json.useDefaultPrettyPrinter();
        }

        void round(String image, RoundRecord round) throws IOException {
            start(image);
            for (CorrelatedConnection c : round.connections()) {
                entries.writeValue(json, entry(round.boot(), round.round(), c));
            }
        }

        /** Ends the file; {@code image} is written if no round came before. */
        void finish(String image) throws IOException {
            start(image);
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
            json.writeArrayFieldStart("connections");
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }
}
