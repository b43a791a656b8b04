package io.hilharness.run;

import io.hilharness.client.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rounds of a journal read back, as memory holds them: a soak's journal holds gigabytes of
 * device lines, so a round that passed keeps only its client records
 * ({@link RoundRecord#withoutBulkyEvidence}), as a live long run keeps it. Kept whole are:
 * <ul>
 *   <li>rounds that did not go plainly (a failure, a device session no client explains, a session
 *       whose end the board never logged): the diagnosis reads their lines;</li>
 *   <li>their neighbours, up to {@link #NEIGHBOURS} rounds either side in the same boot: rules compare
 *       a failure with the connections around it (whose board sessions overlapped it);</li>
 *   <li>the rounds holding the first {@code passedWhole} passed connections: the HTML report shows
 *       those line by line.</li>
 * </ul>
 * Memory then grows with the failures, not with the length of the run. Give the rounds in journal
 * order; whoever needs every line of every round (timeline.json) takes them as they are read.
 */
public final class RoundsInMemory {

    /** Rounds either side of a failure kept whole; a boot of a soak is ten. */
    public static final int NEIGHBOURS = 10;

    private final int passedWhole;
    private final List<RoundRecord> kept = new ArrayList<>();
    /** The last rounds read, not decided yet: a failure may still come within reach of them. */
    private final Deque<Pending> undecided = new ArrayDeque<>();
    private long passedSoFar;
    private Integer troubleBoot;
    private int roundsSinceTrouble;

    private static final class Pending {
        final RoundRecord round;
        final long passedBefore;
        boolean nearTrouble;

        Pending(RoundRecord round, long passedBefore, boolean nearTrouble) {
            this.round = round;
            this.passedBefore = passedBefore;
            this.nearTrouble = nearTrouble;
        }
    }

    /** @param passedWhole passed connections, counted from the first round, whose rounds stay whole */
    public RoundsInMemory(int passedWhole) {
        this.passedWhole = passedWhole;
    }

    public void add(RoundRecord round) {
        boolean trouble = !round.plain();
        if (troubleBoot == null || troubleBoot != round.boot()) {
            troubleBoot = null;
        }
        boolean afterTrouble = troubleBoot != null && ++roundsSinceTrouble <= NEIGHBOURS;
        if (trouble) {
            for (Pending p : undecided) {
                p.nearTrouble |= p.round.boot() == round.boot();
            }
            troubleBoot = round.boot();
            roundsSinceTrouble = 0;
        }
        undecided.addLast(new Pending(round, passedSoFar, trouble || afterTrouble));
        passedSoFar += round.connections().stream().filter(c -> c.client().outcome() == Outcome.OK).count();
        while (undecided.size() > NEIGHBOURS) {
            decide(undecided.removeFirst());
        }
    }

    /** Every round given, in order, each whole or without its bulky evidence. */
    public List<RoundRecord> rounds() {
        while (!undecided.isEmpty()) {
            decide(undecided.removeFirst());
        }
        return kept;
    }

    private void decide(Pending p) {
        boolean whole = p.nearTrouble || p.passedBefore < passedWhole;
        kept.add(whole ? p.round : p.round.withoutBulkyEvidence());
    }
}
