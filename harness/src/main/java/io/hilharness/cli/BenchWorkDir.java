package io.hilharness.cli;

import io.hilharness.image.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a benchmark's boards and run folders go: a temporary folder removed afterwards unless kept. */
final class BenchWorkDir {
    @Option(names = "--work-dir", description = "Folder for the boards and run folders (default: a temporary folder).")
    Path dir;

    @Option(names = "--keep", description = "Keep the work folder (journals, console captures) afterwards.")
    boolean keep;

    /** A benchmark's body, given its work folder. */
    interface Body<T> {
        T run(Path workDir) throws Exception;
    }

    <T> T use(Body<T> body) throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hil-bench-");
        try {
            return body.run(work);
        } finally {
            if (keep || dir != null) {
                System.err.println("bench: work folder kept: " + work);
            } else {
                deleteQuietly(work);
            }
        }
    }

    private static void deleteQuietly(Path work) {
        try {
            FileTrees.delete(work);
        } catch (IOException e) {
            System.err.println("bench: could not remove " + work + ": " + e.getMessage());
        }
    }
}
