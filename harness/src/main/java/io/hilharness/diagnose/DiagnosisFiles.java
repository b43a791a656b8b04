package io.hilharness.diagnose;

import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a diagnosis next to the run's other reports: JSON for tools, text for people. */
public final class DiagnosisFiles {
    private DiagnosisFiles() {
    }

    public static void write(Diagnosis diagnosis, Path json, Path text) throws IOException {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), diagnosis);
        Files.writeString(text, DiagnosisText.render(diagnosis));
    }
}
