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
 *
 * <p>A journal {@link #referencing} the run's console capture keeps a round's device lines as
 * references into {@code console.raw} and each server chain once ({@link RoundEncoder}): some 2 KB a
 * round instead of some 200 KB. {@link JournalReader} gives the rounds back whole either way.
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    /** Null: every record whole. */
    private final RoundEncoder rounds;
    /** Bytes of complete, synced records: where the file is cut back to if a write fails. */
    private long complete;

    /** A journal that writes every record whole. */
    public Journal(Path file) throws IOException {
        this(file, null);
    }

    private Journal(Path file, RoundEncoder rounds) throws IOException {
        this.file = file;
        this.rounds = rounds;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.complete = channel.size();
    }

    /**
     * The journal of {@code run}, its rounds' device lines referring to the run's {@code console.raw}.
     *
     * @param logFormat the name of the log format the campaign parses the board's log with (as the image
     *                  manifest names it); lines are kept whole where the capture does not decode back to
     *                  them with it
     */
    public static Journal referencing(RunFolder run, String logFormat) throws IOException {
        return new Journal(run.journal(), new RoundEncoder(run.consoleCapture(), logFormat));
    }

    /**
     * Writes {@code {"type": type, "data": payload}} as one line and syncs it (a round of a referencing
     * journal after the chain and console records it refers to, synced together). If the write fails
     * (disk full), the part that made it is cut off again, so the journal ends with its last complete
     * record and a later, smaller record (the end record) can still follow it.
     */
    public synchronized void append(String type, Object payload) throws IOException {
        if (rounds != null && type.equals("round") && payload instanceof RoundRecord round) {
            RoundEncoder.Encoded encoded = rounds.encode(round);
            StringBuilder lines = new StringBuilder();
            for (RoundEncoder.JournalLine record : encoded.records) {
                lines.append(line(record.type(), record.data()));
            }
            write(lines.toString());
            encoded.written();
        } else {
            write(line(type, payload));
        }
    }

    private static String line(String type, Object payload) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("data", payload);
        return Json.mapper().writeValueAsString(record) + "\n";
    }

    private void write(String lines) throws IOException {
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            complete += bytes.length;
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
        try {
            channel.close();
        } finally {
            if (rounds != null) {
                rounds.close();
            }
        }
    }
}
