package io.hilharness.report;

import io.hilharness.run.CampaignHeader;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.EndRecord;
import io.hilharness.run.JournalException;
import io.hilharness.run.JournalReader;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.run.RunRecords;
import io.hilharness.run.WatchdogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run folder back into a {@link CampaignResult}, so every report can be rebuilt after the
 * fact, also from a run that was killed: everything the journal finished is reported. Keeps of a long
 * run what {@link io.hilharness.run.RoundsInMemory} keeps: a soak's journal is larger than a heap.
 */
public final class RunFolderReader {

    /** Receives every round as the journal holds it, whole, in journal order. */
    public interface RoundListener {
        void round(String image, RoundRecord round) throws IOException;
    }

    /**
     * The run as memory holds it: passed rounds far from any failure without their device lines and
     * server chains ({@link io.hilharness.run.RoundsInMemory}), except those the HTML report shows line by line.
     */
    public RecordedRun read(RunFolder run) throws IOException {
        return read(run, (image, round) -> { });
    }

    /** {@link #read(RunFolder)}, handing {@code everyRound} each round whole as it is read. */
    public RecordedRun read(RunFolder run, RoundListener everyRound) throws IOException {
        JournalReader journal = JournalReader.of(run);
        Reading reading = new Reading(everyRound);
        journal.read(reading);
        return reading.recorded(run, journal);
    }

    /** One read of a journal. */
    private static final class Reading extends RunRecords {
        private final RoundListener everyRound;
        private final List<String> notes = new ArrayList<>();
        private Instant ended;
        private Integer bootsRun;

        Reading(RoundListener everyRound) {
            super(HtmlReport.PASSED_IN_DETAIL);
            this.everyRound = everyRound;
        }

        @Override
        public void round(RoundRecord round) throws IOException {
            everyRound.round(header().image(), round);
            super.round(round);
        }

        @Override
        public void watchdog(WatchdogRecord w) {
            notes.add("watchdog: boot " + w.boot() + " round " + w.round() + ": " + w.reason() + "; " + w.action());
        }

        @Override
        public void crash(io.hilharness.run.CrashRecord c) {
            super.crash(c);
            notes.add("crash: boot " + c.boot() + " round " + c.round() + ": " + c.reason()
                    + (c.location() == null ? "" : " (" + c.location() + ")") + "; the boot ended there");
        }

        @Override
        public void end(EndRecord end) {
            ended = end.at();
            bootsRun = end.boots();
            if (end.stopped() != null) {
                notes.add("stopped by " + end.stopped() + " after the round in flight");
            }
            if (end.aborted() != null) {
                notes.add("campaign ended early: " + end.aborted());
            }
        }

        @Override
        public void note(String note) {
            notes.add(note);
        }

        RecordedRun recorded(RunFolder run, JournalReader journal) throws JournalException {
            CampaignHeader header = header();
            if (header.image() == null || header.spec() == null) {
                throw new JournalException(journal.file(), 1, "'campaign' record: field '"
                        + (header.image() == null ? "image" : "spec") + "': missing");
            }
            List<RoundRecord> kept = rounds();
            if (ended == null) {
                notes.add("the journal has no end record: the run did not finish; "
                        + boots().size() + " boots and " + kept.size() + " rounds were journaled");
            }
            if (!Files.isRegularFile(RunFolder.stored(run.consoleCapture()))) {
                notes.add("no console.raw in the run folder: device lines come from the journal only");
            }
            CampaignSpec spec = bootsRun != null && bootsRun >= 1 ? header.spec().withBoots(bootsRun) : header.spec();
            CampaignResult result = new CampaignResult(header.image(), header.board(), run.dir(), spec, boots(), kept);
            return new RecordedRun(result, header.started(), ended, notes);
        }
    }
}
