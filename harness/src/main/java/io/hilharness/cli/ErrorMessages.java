package io.hilharness.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One clear line per harness error; stack traces only with --debug. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String describe(Throwable e) {
        // The JDK's file errors carry the path alone as their message ("hil: nope.jsonl"): say what is wrong.
        if (e instanceof FileSystemException fs && fs.getReason() == null && fs.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : null;
            if (what != null) {
                return fs.getFile() + ": " + what;
            }
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message;
    }
}
