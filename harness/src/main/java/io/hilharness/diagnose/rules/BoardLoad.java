package io.hilharness.diagnose.rules;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.run.ConnectionPlacement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the board was busy with another of our connections while it served one: the line between
 * a failure under load (concurrency) and a failure of a board that serves nobody any more (a leak).
 * Judged by the board's own log: a connection it turned away for lack of resources while another
 * connection's session spanned the same lines failed because of that other one.
 */
final class BoardLoad {
    private BoardLoad() {
    }

    /** The board's allocation and setup errors: {@code alloc failed}, {@code mbedtls_ssl_setup failed}, any -0x7F00. */
    static boolean outOfResources(DeviceEvent e) {
        return e.type() == EventType.ALLOC_FAILED || e.type() == EventType.SETUP_FAILED
                || (e.code() != null && e.code() == Signatures.ALLOC_FAILED);
    }

    /** A connection the board did not turn away for lack of resources was holding a session. */
    static boolean holdsASession(ConnectionFacts c) {
        return !c.device().isEmpty() && c.device().stream().noneMatch(BoardLoad::outOfResources);
    }

    /**
     * The connections that another connection of the same round held a session beside, on the board's
     * log (rounds follow one another, so only a round's own connections can overlap).
     */
    static Set<ConnectionFacts> servedBesideAnother(List<ConnectionFacts> all) {
        Map<String, List<ConnectionFacts>> byRound = all.stream()
                .collect(Collectors.groupingBy(c -> c.boot() + "/" + c.round()));
        return all.stream()
                .filter(c -> byRound.get(c.boot() + "/" + c.round()).stream().anyMatch(other -> other != c
                        && holdsASession(other) && ConnectionPlacement.boardSessionsOverlap(other.connection(), c.connection())))
                .collect(Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
    }
}
