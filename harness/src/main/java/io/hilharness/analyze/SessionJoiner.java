package io.hilharness.analyze;

import java.util.List;

/**
 * Pairs client connections with device sessions. The seam for boards that log different things:
 * {@link PortJoiner} when the log carries client ports, {@link OrderJoiner} when it does not.
 * Every client appears once in the result; {@code session} is null when nothing matched.
 */
public interface SessionJoiner {
    List<Join> join(List<ClientConnection> clients, List<SessionSummary> sessions);

    /** Port joins where sessions have ports, else order joins. */
    static SessionJoiner forSessions(List<SessionSummary> sessions) {
        boolean ports = sessions.stream().anyMatch(s -> s.port() != null);
        return ports ? new PortJoiner() : new OrderJoiner();
    }
}
