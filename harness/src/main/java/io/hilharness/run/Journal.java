package io.hilharness.run;

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
    private final Path file;
    private final FileChannel channel;
    /** Bytes of complete, synced records: where the file is cut back to if a write fails. */
    private long complete;

    public Journal(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.complete = channel.size();
    }

    /**
     * Writes {@code {"type": type, "data": payload}} as one line and syncs it. If the write fails
     * (disk full), the part of the line that made it is cut off again, so the journal ends with its
     * last complete record and a later, smaller record (the end record) can still follow it.
     */
    public synchronized void append(String type, Object payload) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("data", payload);
        byte[] line = (Json.mapper().writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            complete += line.length;
        } catch (IOException e) {
            try {
                channel.truncate(complete);
                channel.force(false);
            } catch (IOException cutFailed) {
                e.addSuppressed(cutFailed);
            }
            throw new IOException("cannot write the journal " + file + ": " + RunFolder.why(e), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
