package io.hilharness.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    private final PrintStream out;

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
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("data", data);
        try {
            out.println(Json.mapper().writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
