package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.ProjectLayout;
import io.hilharness.report.LongJournal;
import io.hilharness.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak's journal is larger than a heap (an hour of the reference board writes 670 MB; a 12-hour
 * nightly soak some 8 GB). {@code hil report} rebuilds every report of one four times the size of
 * its heap, as the end of a soak does, and timeline.json still holds every connection and its lines.
 */
class LongJournalIT {
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void reportsOfAJournalLargerThanTheHeap() throws Exception {
        // 200 boots x 10 rounds x 2 connections x 240 device lines; boot 100 round 5 fails.
        LongJournal journal = new LongJournal(200, 240, 100, 5);
        RunFolder run = journal.write(dir.resolve("run"));
        long journalMb = Files.size(run.journal()) >> 20;
        assertTrue(journalMb >= 4 * 64, "the journal is " + journalMb + " MB");

        Path output = dir.resolve("hil.out");
        Process hil = HilProcess.start(ProjectLayout.locate(), output, List.of(HEAP), "report", run.dir().toString());
        assertTrue(hil.waitFor(5, TimeUnit.MINUTES), "hil report did not finish: " + HilProcess.tail(output));

        String printed = HilProcess.tail(output);
        assertFalse(printed.contains("OutOfMemoryError"), printed);
        assertEquals(1, hil.exitValue(), "one round failed: " + printed);
        assertTrue(printed.contains("total: 1999 of 2000 rounds ok"), printed);
        assertEquals(4000, count(run.timeline(), "\"deviceLines\":["), "every connection in timeline.json");
        assertEquals(4000L * 240, occurrences(run.timeline(), "{\"line\":"), "with every line the board's parser understood");
        assertTrue(Files.readString(run.diagnosisText()).contains("1 of 4000 connections failed"),
                Files.readString(run.diagnosisText()));
        assertTrue(Files.size(run.dir().resolve("report.html")) < 20 << 20, "report.html stays a page a browser opens");
    }

    private static long occurrences(Path file, String text) throws Exception {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.mapToLong(l -> l.split(java.util.regex.Pattern.quote(text), -1).length - 1).sum();
        }
    }

    private static long count(Path file, String text) throws Exception {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }
}
