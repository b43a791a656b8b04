package io.hilharness.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every reader of a journal keeps of it: the header, the boots and the rounds, the rounds as
 * {@link RoundsInMemory} keeps them (a soak's journal is larger than a heap). Readers that need more
 * (the reports' notes, every round whole as it passes) extend it.
 */
public class RunRecords implements JournalVisitor {
    private final List<BootRecord> boots = new ArrayList<>();
    private final RoundsInMemory rounds;
    private CampaignHeader header;

    /** @param passedWhole passed connections, from the first, whose rounds stay whole in memory */
    public RunRecords(int passedWhole) {
        this.rounds = new RoundsInMemory(passedWhole);
    }

    @Override
    public void campaign(CampaignHeader header) {
        this.header = header;
    }

    @Override
    public void boot(BootRecord boot) {
        boots.add(boot);
    }

    /** The crashed boot ends with its crash, as the campaign had it. */
    @Override
    public void crash(CrashRecord crash) {
        for (int i = boots.size() - 1; i >= 0; i--) {
            if (boots.get(i).boot() == crash.boot()) {
                boots.set(i, boots.get(i).withCrash(crash));
                return;
            }
        }
    }

    @Override
    public void round(RoundRecord round) throws IOException {
        rounds.add(round);
    }

    public CampaignHeader header() {
        return header;
    }

    public List<BootRecord> boots() {
        return boots;
    }

    public List<RoundRecord> rounds() {
        return rounds.rounds();
    }
}
