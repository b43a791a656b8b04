package io.hilharness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.run.RunFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aCompressingRunLeavesGzipsThatReadAsTheFilesDid() throws Exception {
        RunFolder run = folderWithCaptureAndJournal();
        RunSettings.defaults().compressing(true).finish(run);

        assertFalse(Files.exists(run.consoleCapture()));
        assertFalse(Files.exists(run.journal()));
        assertTrue(RunFolder.stored(run.journal()).toString().endsWith(RunFolder.GZIP));
        assertEquals("{\"type\":\"campaign\"}\n", new String(readAll(RunFolder.stored(run.journal())),
                StandardCharsets.UTF_8));
    }

    @Test
    void byDefaultTheFolderStaysAsTheRunWroteIt() throws Exception {
        RunFolder run = folderWithCaptureAndJournal();
        RunSettings.defaults().finish(run);

        assertTrue(Files.exists(run.consoleCapture()));
        assertTrue(Files.exists(run.journal()));
    }

    private static byte[] readAll(Path stored) throws Exception {
        try (var in = RunFolder.open(stored)) {
            return in.readAllBytes();
        }
    }

    private RunFolder folderWithCaptureAndJournal() throws Exception {
        RunFolder run = new RunFolder(dir);
        Files.writeString(run.consoleCapture(), "boot 1\n");
        Files.writeString(run.journal(), "{\"type\":\"campaign\"}\n");
        return run;
    }
}
