package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.hilharness.json.Json;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON lines, one object per session, boot, file and join as they happen ({@code {"type":"session",
 * "data":{...}}}, like the journal), so a many-gigabyte log streams out in constant memory.
 */
public final class JsonReport implements ReportSink {
    private static final ObjectMapper MAPPER = Json.mapper();

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
        write("boot", boot);
    }

    @Override
    public void file(LogAnalyzer.FileStats stats) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file", stats.file().toString());
        data.put("format", stats.format());
        data.put("bytes", stats.bytes());
        data.put("lines", stats.lines());
        data.put("unrecognisedLines", stats.unrecognisedLines());
        write("file", data);
    }

    @Override
    public void join(Join join) {
        write("join", join);
    }

    private void write(String type, Object data) {
        try {
            JsonGenerator json = startRecord(type);
            MAPPER.writeValue(json, data);
            endRecord(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // One generator for the whole stream: a mapper call and a String per record were a hot spot
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
            generator = MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                    .setRootValueSeparator(null);
        }
        return generator;
    }
}
