package io.hilharness.diagnose;

import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignHeader;
import io.hilharness.run.JournalException;
import io.hilharness.run.JournalReader;
import io.hilharness.run.JournalVisitor;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RoundsInMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Collected collected = new Collected();
        journal.read(collected);
        if (collected.header.image() == null) {
            throw new JournalException(journal.file(), 1, "'campaign' record: field 'image': missing");
        }
        Evidence evidence = Evidence.of(collected.header.image(), collected.header.spec(), collected.boots,
                collected.rounds.rounds());
        // The capture lives beside the journal; its conversations join the connections by client port.
        Path runDir = journal.file().toAbsolutePath().getParent();
        return runDir == null ? evidence : evidence.withWireOf(runDir);
    }

    private static final class Collected implements JournalVisitor {
        CampaignHeader header;
        final List<BootRecord> boots = new ArrayList<>();
        // A soak's journal is larger than a heap: passed rounds far from any failure keep their client records only.
        final RoundsInMemory rounds = new RoundsInMemory(0);

        @Override
        public void campaign(CampaignHeader header) {
            this.header = header;
        }

        @Override
        public void boot(BootRecord boot) {
            boots.add(boot);
        }

        @Override
        public void round(RoundRecord round) {
            rounds.add(round);
        }
    }
}
