package io.hilharness.lab;

import java.nio.file.Path;

/** A lab config that cannot be used; the message names the file, line and field for the user. */
public final class LabConfigException extends Exception {
    public LabConfigException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": field '" + field + "'") + ": " + io.hilharness.json.ParserMessages.oneLine(problem));
    }

    /** A message that already names its file and line (e.g. from the log formats reader). */
    LabConfigException(String located) {
        super(located);
    }
}
