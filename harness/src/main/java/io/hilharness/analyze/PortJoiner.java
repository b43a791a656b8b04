package io.hilharness.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Joins by client TCP port within the same boot; ports are reused over a long campaign, so each
 * session is used once, in log order.
 */
public final class PortJoiner implements SessionJoiner {
    @Override
    public List<Join> join(List<ClientConnection> clients, List<SessionSummary> sessions) {
        boolean[] used = new boolean[sessions.size()];
        List<Join> joins = new ArrayList<>();
        for (ClientConnection c : clients) {
            SessionSummary match = null;
            for (int i = 0; i < sessions.size() && match == null; i++) {
                SessionSummary s = sessions.get(i);
                if (!used[i] && c.localPort() > 0 && Objects.equals(s.port(), c.localPort())
                        && (c.boot() == null || c.boot() == s.boot())) {
                    used[i] = true;
                    match = s;
                }
            }
            joins.add(new Join(c, match, match == null ? 0 : 1.0, match == null ? "no session with this port" : "same port"));
        }
        return joins;
    }
}
