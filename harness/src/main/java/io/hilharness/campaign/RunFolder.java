package io.hilharness.campaign;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A campaign's output folder: raw console capture, journal, summary and timeline side by side. */
public record RunFolder(Path dir) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a new, unique folder under {@code parent}; fails early if it cannot be written. */
    public static RunFolder create(Path parent, String label) throws IOException {
        Files.createDirectories(parent);
        String base = STAMP.format(LocalDateTime.now()) + "-" + label.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(dir);
                return new RunFolder(dir);
            } catch (FileAlreadyExistsException taken) {
                // two runs in the same second: take the next suffix
            }
        }
    }

    public Path consoleCapture() {
        return dir.resolve("console.raw");
    }

    public Path journal() {
        return dir.resolve("journal.jsonl");
    }

    public Path summaryText() {
        return dir.resolve("summary.txt");
    }

    public Path summaryJson() {
        return dir.resolve("summary.json");
    }

    public Path timeline() {
        return dir.resolve("timeline.json");
    }

    public Path diagnosisJson() {
        return dir.resolve("diagnosis.json");
    }

    public Path diagnosisText() {
        return dir.resolve("diagnosis.txt");
    }

    public Path boardDir() {
        return dir.resolve("board");
    }
}
