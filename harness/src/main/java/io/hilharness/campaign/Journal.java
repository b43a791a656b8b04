package io.hilharness.campaign;

import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The campaign's journal: one JSON object per line, each forced to disk before the campaign goes on,
 * so a run killed at any moment can still be reported from every record it finished.
 */
public final class Journal implements AutoCloseable {
    private final FileChannel channel;

    public Journal(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Writes {@code {"type": type, "data": payload}} as one line and syncs it. */
    public synchronized void append(String type, Object payload) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("data", payload);
        byte[] line = (Json.mapper().writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
