package io.hilharness.diagnose;

import io.hilharness.run.JournalException;
import io.hilharness.run.JournalReader;
import io.hilharness.run.RunRecords;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a run's journal back into {@link Evidence}, so a run can be diagnosed again (with newer or
 * user rules) long after the board is gone. A journal cut short by a killed run is read up to its last
 * whole record.
 */
public final class JournalEvidence {
    private JournalEvidence() {
    }

    /** @param path a run folder or its journal file */
    public static Evidence read(Path path) throws IOException {
        JournalReader journal = JournalReader.of(path);
        // The first passed round stays whole: it holds the chain the board served, even of a run that passed.
        RunRecords collected = new RunRecords(1);
        journal.read(collected);
        if (collected.header().image() == null) {
            throw new JournalException(journal.file(), 1, "'campaign' record: field 'image': missing");
        }
        Evidence evidence = Evidence.of(collected.header().image(), collected.header().spec(), collected.boots(),
                collected.rounds());
        // The capture lives beside the journal; its conversations join the connections by client port.
        Path runDir = journal.file().toAbsolutePath().getParent();
        return runDir == null ? evidence : evidence.withWireOf(runDir);
    }
}
