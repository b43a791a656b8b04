package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a {@link SessionSummary} field by field, exactly as the harness's mapper would (record
 * order, nulls left out, ISO-8601 instants): a long log has hundreds of thousands of sessions, and
 * the mapper's reflective bean serialization cost more than reading their lines.
 * {@code SessionJsonTest} holds the two to the same output, field for field.
 */
final class SessionJson {

    // Offline every line has the file's time: an instant written again is not formatted or encoded again.
    private Instant lastInstant;
    private SerializedString lastText;
    private final Map<SessionOutcome, SerializedString> outcomes = new EnumMap<>(SessionOutcome.class);

    void write(JsonGenerator json, SessionSummary s) throws IOException {
        json.writeStartObject();
        json.writeNumberField("boot", s.boot());
        stringField(json, "key", s.key());
        if (s.port() != null) {
            json.writeNumberField("port", s.port());
        }
        stringField(json, "context", s.context());
        json.writeNumberField("firstSeq", s.firstSeq());
        json.writeNumberField("lastSeq", s.lastSeq());
        json.writeNumberField("firstOffset", s.firstOffset());
        instantField(json, "start", s.start());
        instantField(json, "end", s.end());
        if (s.startDeviceMs() != null) {
            json.writeNumberField("startDeviceMs", s.startDeviceMs());
        }
        if (s.outcome() != null) {
            json.writeFieldName("outcome");
            json.writeString(outcomes.computeIfAbsent(s.outcome(), o -> new SerializedString(o.name())));
        }
        stringField(json, "alertName", s.alertName());
        if (s.code() != null) {
            json.writeNumberField("code", s.code());
        }
        stringField(json, "codeName", s.codeName());
        json.writeBooleanField("handshakeDone", s.handshakeDone());
        json.writeArrayFieldStart("requests");
        for (String request : s.requests()) {
            json.writeString(request);
        }
        json.writeEndArray();
        if (s.signatureBytes() != null) {
            json.writeNumberField("signatureBytes", s.signatureBytes());
        }
        json.writeNumberField("lines", s.lines());
        if (s.bytesServed() != null) {
            json.writeNumberField("bytesServed", s.bytesServed());
        }
        stringField(json, "endedBy", s.endedBy());
        stringField(json, "attribution", s.attribution());
        json.writeEndObject();
    }

    private static void stringField(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private void instantField(JsonGenerator json, String name, Instant value) throws IOException {
        if (value == null) {
            return;
        }
        if (!value.equals(lastInstant)) {
            lastText = new SerializedString(DateTimeFormatter.ISO_INSTANT.format(value));
            lastInstant = value;
        }
        json.writeFieldName(name);
        json.writeString(lastText);
    }
}
