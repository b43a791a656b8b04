package io.hilharness.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One round (the page and its stylesheet) with every connection it opened, each joined with the
 * board's log for it.
 *
 * @param sessionsWithoutEnd client ports whose end the board had not logged when the round was
 *                           journaled (a board that hangs, or stopped logging)
 */
public record RoundRecord(int boot,
                          int round,
                          Instant start,
                          Instant end,
                          List<CorrelatedConnection> connections,
                          List<DeviceSession> unmatchedDevice,
                          Set<Integer> sessionsWithoutEnd) {
    public RoundRecord {
        // Absent in hand-written and older journals: none.
        connections = connections == null ? List.of() : List.copyOf(connections);
        unmatchedDevice = unmatchedDevice == null ? List.of() : List.copyOf(unmatchedDevice);
        sessionsWithoutEnd = sessionsWithoutEnd == null ? Set.of() : Set.copyOf(sessionsWithoutEnd);
    }

    /**
     * The same round without its bulky evidence, the board's events and the server chains as PEM
     * (both stay in the journal): what a long campaign keeps in memory of a round that passed.
     */
    public RoundRecord withoutBulkyEvidence() {
        return new RoundRecord(boot, round, start, end,
                connections.stream().map(c -> new CorrelatedConnection(c.client().withoutPeerChain(), List.of())).toList(),
                List.of(), sessionsWithoutEnd);
    }

    /** The board's sessions no client of ours opened; late lines of an earlier round's connections are not. */
    @JsonIgnore
    public List<DeviceSession> sessionsNoClientOpened() {
        return unmatchedDevice.stream().filter(DeviceSession::noClientOpened).toList();
    }

    /** Every connection passed and the board's log holds nothing beside them: nothing to look into. */
    @JsonIgnore
    public boolean plain() {
        return ok() && sessionsNoClientOpened().isEmpty() && sessionsWithoutEnd.isEmpty();
    }

    @JsonIgnore
    public boolean ok() {
        return !connections.isEmpty() && connections.stream().allMatch(c -> c.client().outcome() == Outcome.OK);
    }

    /** Every connection timed out: the board accepted or ignored them and answered none, as a hung board does. */
    @JsonIgnore
    public boolean allTimedOut() {
        return !connections.isEmpty() && connections.stream().allMatch(c -> c.client().outcome() == Outcome.TIMEOUT);
    }
}
