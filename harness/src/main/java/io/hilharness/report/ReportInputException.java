package io.hilharness.report;

import io.hilharness.json.ParserMessages;
import java.io.IOException;
import java.nio.file.Path;

/** A run folder that cannot be reported on; the message names the file, line and field. */
public final class ReportInputException extends IOException {
    public ReportInputException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + ParserMessages.singleLine(problem));
    }
}
