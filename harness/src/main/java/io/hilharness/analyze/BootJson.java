package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link BootSummary} exactly as the harness's mapper would (record order, nulls left out),
 * so that {@code hil analyze --json} needs no object mapper: starting one took a third of a second,
 * as long as reading a small log. {@code BootJsonTest} holds the two to the same output.
 */
final class BootJson {
    private BootJson() {
    }

    static void write(JsonGenerator json, BootSummary b) throws IOException {
        json.writeStartObject();
        json.writeNumberField("boot", b.boot());
        json.writeBooleanField("crashed", b.crashed());
        if (b.crashLine() != null) {
            json.writeStringField("crashLine", b.crashLine());
        }
        json.writeNumberField("lines", b.lines());
        json.writeObjectFieldStart("outcomes");
        for (Map.Entry<SessionOutcome, Long> e : b.outcomes().entrySet()) {
            counter(json, e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("events");
        for (Map.Entry<String, Long> e : b.events().entrySet()) {
            counter(json, e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void counter(JsonGenerator json, String name, Long count) throws IOException {
        if (count != null) { // the mapper leaves out null map values too
            json.writeNumberField(name, count);
        }
    }
}
