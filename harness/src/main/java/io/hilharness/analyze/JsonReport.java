package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hilharness.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * JSON lines, one object per session, boot, file and join as they happen ({@code {"type":"session",
 * "data":{...}}}, like the journal), so a many-gigabyte log streams out in constant memory. Sessions,
 * boots and files are written field by field; only joins (with {@code --journal}) need the mapper.
 */
public final class JsonReport implements ReportSink {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final PrintStream out;
    private final SessionJson sessions = new SessionJson();
    private JsonGenerator generator;

    public JsonReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void session(SessionSummary session) {
        try {
            JsonGenerator json = startRecord("session");
            sessions.write(json, session);
            endRecord(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void boot(BootSummary boot) {
        write("boot", json -> BootJson.write(json, boot));
    }

    @Override
    public void file(LogAnalyzer.FileStats stats) {
        write("file", json -> {
            json.writeStartObject();
            json.writeStringField("file", stats.file().toString());
            if (stats.format() != null) { // nulls left out, as the mapper does
                json.writeStringField("format", stats.format());
            }
            json.writeNumberField("bytes", stats.bytes());
            json.writeNumberField("lines", stats.lines());
            json.writeNumberField("unrecognisedLines", stats.unrecognisedLines());
            json.writeEndObject();
        });
    }

    @Override
    public void join(Join join) {
        write("join", json -> Json.mapper().writeValue(json, join));
    }

    private interface Data {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private void write(String type, Data data) {
        try {
            JsonGenerator json = startRecord(type);
            data.writeTo(json);
            endRecord(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // One generator for the whole stream: a mapper call and a String per record would cost much more
    // for logs of millions of sessions.
    private JsonGenerator startRecord(String type) throws IOException {
        JsonGenerator json = generator();
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeFieldName("data");
        return json;
    }

    private static void endRecord(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush(); // into out, which the caller flushes
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = FACTORY.createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                    .setRootValueSeparator(null);
        }
        return generator;
    }
}
