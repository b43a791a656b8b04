package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.cli.TestAccess;
import io.hilharness.image.ProjectLayout;
import io.hilharness.run.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A run folder compressed at the end of its run reads as it did: hil report, hil diagnose, hil analyze. */
class CompressedRunFolderTest {
    private static final Path FIXTURE = ProjectLayout.locate().root().resolve("fixtures/runs/selfsigned-journal-v1");
    private static final List<String> REPORTS = List.of("summary.txt", "summary.json", "timeline.json", "junit.xml",
            "diagnosis.txt", "diagnosis.json", RunReports.HTML);

    @TempDir
    Path dir;

    private RunFolder copy(String name) throws Exception {
        Path run = Files.createDirectories(dir.resolve(name));
        for (String file : List.of("journal.jsonl", "console.raw")) {
            Files.copy(FIXTURE.resolve(file), run.resolve(file));
        }
        return new RunFolder(run);
    }

    /** What a command prints on stdout (hil analyze) and through picocli (the others), and its exit code. */
    private static String hil(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = TestAccess.commandLine();
            cli.setOut(new PrintWriter(out, true));
            exit = cli.execute(args);
        } finally {
            System.setOut(saved);
        }
        return exit + "\n" + stdout.toString(StandardCharsets.UTF_8) + out;
    }

    @Test
    void everyReaderTakesTheGzipFiles() throws Exception {
        RunFolder plain = copy("plain");
        RunFolder compressed = copy("compressed");
        compressed.compress();

        assertFalse(Files.exists(compressed.journal()) || Files.exists(compressed.consoleCapture()));
        assertTrue(Files.size(compressed.dir().resolve("console.raw.gz")) < Files.size(plain.consoleCapture()) / 3);
        String report = hil("report", plain.dir().toString());
        assertEquals(report.replace(plain.dir().toString(), "RUN"), hil("report", compressed.dir().toString())
                .replace(compressed.dir().toString(), "RUN"));
        for (String file : REPORTS) {
            assertEquals(Files.readString(plain.dir().resolve(file)).replace(plain.dir().toString(), "RUN"),
                    Files.readString(compressed.dir().resolve(file)).replace(compressed.dir().toString(), "RUN"), file);
        }
        assertEquals(hil("diagnose", plain.dir().toString()), hil("diagnose", compressed.dir().toString()));
        assertEquals(hil("analyze", "--journal", plain.journal().toString(), plain.consoleCapture().toString())
                        .replace(plain.dir().toString(), "RUN"),
                hil("analyze", "--journal", compressed.dir().resolve("journal.jsonl.gz").toString(),
                        compressed.dir().resolve("console.raw.gz").toString())
                        .replace(compressed.dir().toString(), "RUN").replace("console.raw.gz", "console.raw"));
    }
}
