package io.hilharness.certs;

import java.io.IOException;
import java.nio.file.Path;

/** A PEM file that does not hold what it should; the message always names the file. */
public final class PemFormatException extends IOException {

    public PemFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public PemFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
