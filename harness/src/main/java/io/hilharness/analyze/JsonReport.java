package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
    /**
     * The harness's JSON, except that an instant written again is not formatted again: offline every
     * line has the file's time, and formatting it twice per session was most of the writing.
     */
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(
            new SimpleModule("repeated-instants").addSerializer(Instant.class, new RepeatedInstants()));

    private final PrintStream out;
    private JsonGenerator generator;

    public JsonReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void session(SessionSummary session) {
        write("session", session);
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
        // One generator for the whole stream: a mapper call and a String per record were a hot spot
        // for logs of millions of sessions.
        try {
            JsonGenerator json = generator();
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeFieldName("data");
            MAPPER.writeValue(json, data);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush(); // into out, which the caller flushes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** ISO-8601 like the JavaTimeModule writes it, remembering the last one. */
    private static final class RepeatedInstants extends StdSerializer<Instant> {
        private transient Instant last;
        private transient String text;

        RepeatedInstants() {
            super(Instant.class);
        }

        @Override
        public synchronized void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!value.equals(last)) {
                text = DateTimeFormatter.ISO_INSTANT.format(value);
                last = value;
            }
            gen.writeString(text);
        }
    }
}
