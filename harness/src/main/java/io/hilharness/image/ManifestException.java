package io.hilharness.image;

import java.nio.file.Path;

/** A manifest that cannot be used; the message names the file, line and field for the user. */
public final class ManifestException extends Exception {
    public ManifestException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": field '" + field + "'") + ": " + io.hilharness.json.ParserMessages.oneLine(problem));
    }
}
