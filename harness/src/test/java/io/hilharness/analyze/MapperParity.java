package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hilharness.json.Json;
import java.io.IOException;
import java.io.StringWriter;

/** Holds a hand-written JSON writer of {@code hil analyze} to what the harness's mapper writes. */
final class MapperParity {
    private MapperParity() {
    }

    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    static void assertWritesAsTheMapper(Object value, Writer writer) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(text)) {
            writer.write(json);
        }
        assertEquals(Json.mapper().writeValueAsString(value), text.toString());
    }
}
