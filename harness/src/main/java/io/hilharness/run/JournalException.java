package io.hilharness.run;

import io.hilharness.json.ParserMessages;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run folder or journal that cannot be read: the message names the file, the line (when there is one)
 * and the field, on one line, as {@code journal.jsonl:12: 'round' record: field 'boot': ...}.
 */
public final class JournalException extends IOException {
    public JournalException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + ParserMessages.singleLine(problem));
    }
}
