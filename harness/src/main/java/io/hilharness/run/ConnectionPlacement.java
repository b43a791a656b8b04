package io.hilharness.run;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one connection sits in its campaign: its boot and round, its place in the boot's order, and
 * how many of our connections were open when it started. The diagnosis, the report's charts and its
 * drill-down all take these from {@link #of}, so they never disagree about a connection.
 *
 * @param indexSinceBoot 1 for the first connection of the boot, in boot order (by round, then by the
 *                       client's start)
 * @param openAtStart    connections of the same boot open when this one started, itself included
 *                       ({@link #CLOCK} says how that is decided)
 */
public record ConnectionPlacement(int boot, int round, int indexSinceBoot, int openAtStart,
                                  CorrelatedConnection connection) {

    /** How {@link #openAtStart} is decided, in one sentence for readers of a report. */
    public static final String CLOCK = "Connections open at once are counted by the board's log order where the board "
            + "logged both connections, otherwise by the host clock (the clients' start and end times).";

    public ConnectionRecord client() {
        return connection.client();
    }

    public Outcome outcome() {
        return client().outcome();
    }

    public boolean failed() {
        return outcome() != Outcome.OK;
    }

    /** Every connection of the rounds, placed, in boot order: by boot, round, then the client's start. */
    public static List<ConnectionPlacement> of(List<RoundRecord> rounds) {
        record Unplaced(RoundRecord round, CorrelatedConnection connection) {
        }
        Comparator<Unplaced> bootOrder = Comparator.comparing((Unplaced u) -> u.round().boot())
                .thenComparing(u -> u.round().round())
                .thenComparing(u -> u.connection().client().start(), Comparator.nullsLast(Comparator.naturalOrder()));
        Map<Integer, List<Unplaced>> byBoot = new LinkedHashMap<>();
        rounds.stream().flatMap(r -> r.connections().stream().map(c -> new Unplaced(r, c))).sorted(bootOrder)
                .forEach(u -> byBoot.computeIfAbsent(u.round().boot(), b -> new ArrayList<>()).add(u));
        List<ConnectionPlacement> placed = new ArrayList<>();
        byBoot.forEach((boot, connections) -> {
            List<CorrelatedConnection> ofBoot = connections.stream().map(Unplaced::connection).toList();
            for (int i = 0; i < connections.size(); i++) {
                Unplaced u = connections.get(i);
                placed.add(new ConnectionPlacement(boot, u.round().round(), i + 1, openAt(u.connection(), ofBoot), u.connection()));
            }
        });
        return placed;
    }

    /**
     * Connections (this one included) open when {@code c} started. The board's log decides when it
     * has lines for both: its line order is exact, while clients that start together in the same
     * millisecond reach the board in any order. Otherwise the clients' start and end times decide; a
     * connection without a recorded end counts as open only at its own start.
     */
    private static int openAt(CorrelatedConnection c, List<CorrelatedConnection> ofBoot) {
        int open = 1;
        for (CorrelatedConnection other : ofBoot) {
            if (other != c && openWhenStarted(other, c)) {
                open++;
            }
        }
        return open;
    }

    private static boolean openWhenStarted(CorrelatedConnection other, CorrelatedConnection c) {
        if (!c.device().isEmpty() && !other.device().isEmpty()) {
            long start = first(c);
            return first(other) < start && last(other) > start;
        }
        ConnectionRecord mine = c.client();
        ConnectionRecord theirs = other.client();
        return mine.start() != null && theirs.start() != null && !theirs.start().isAfter(mine.start())
                && theirs.end() != null && theirs.end().isAfter(mine.start());
    }

    /** Whether the board's log spans of two connections overlap; false when either has no lines. */
    public static boolean boardSessionsOverlap(CorrelatedConnection a, CorrelatedConnection b) {
        if (a.device().isEmpty() || b.device().isEmpty()) {
            return false;
        }
        return first(a) < last(b) && first(b) < last(a);
    }

    private static long first(CorrelatedConnection c) {
        return c.device().get(0).seq();
    }

    private static long last(CorrelatedConnection c) {
        List<DeviceEvent> lines = c.device();
        return lines.get(lines.size() - 1).seq();
    }
}
