package io.hilharness.analyze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins a log without ports: within each boot, the n-th client connection (by start time) goes with
 * the n-th device session (by log order). The board accepts connections in the order they arrive,
 * so this holds while connections are sequential; with concurrent ones two may swap.
 *
 * <p>Confidence: 0.9 when the boot has as many sessions as clients and the outcomes agree
 * (OK with COMPLETED, a failure with a failure), 0.6 when counts match but outcomes disagree,
 * 0.3 when the counts differ (a dropped connection shifts every later pair).
 */
public final class OrderJoiner implements SessionJoiner {
    @Override
    public List<Join> join(List<ClientConnection> clients, List<SessionSummary> sessions) {
        Map<Integer, List<SessionSummary>> byBoot = new LinkedHashMap<>();
        sessions.forEach(s -> byBoot.computeIfAbsent(s.boot(), b -> new ArrayList<>()).add(s));
        Map<Integer, List<ClientConnection>> clientsByBoot = new LinkedHashMap<>();
        clients.stream().sorted((a, b) -> a.start() == null || b.start() == null ? 0 : a.start().compareTo(b.start()))
                .forEach(c -> clientsByBoot.computeIfAbsent(c.boot() == null ? -1 : c.boot(), b -> new ArrayList<>()).add(c));
        List<Join> joins = new ArrayList<>();
        for (Map.Entry<Integer, List<ClientConnection>> entry : clientsByBoot.entrySet()) {
            List<ClientConnection> mine = entry.getValue();
            List<SessionSummary> theirs = byBoot.getOrDefault(entry.getKey(), List.of());
            boolean sameCount = mine.size() == theirs.size();
            for (int i = 0; i < mine.size(); i++) {
                ClientConnection c = mine.get(i);
                if (i >= theirs.size()) {
                    joins.add(new Join(c, null, 0, "more client connections than device sessions in boot " + entry.getKey()));
                    continue;
                }
                SessionSummary s = theirs.get(i);
                boolean agree = agree(c.outcome(), s.outcome());
                double confidence = !sameCount ? 0.3 : agree ? 0.9 : 0.6;
                joins.add(new Join(c, s, confidence, "connection " + (i + 1) + " of boot " + entry.getKey()
                        + (sameCount ? "" : ", counts differ (" + mine.size() + " clients, " + theirs.size() + " sessions)")
                        + (agree ? "" : ", outcomes disagree")));
            }
        }
        return joins;
    }

    static boolean agree(String clientOutcome, SessionOutcome device) {
        boolean clientOk = "OK".equals(clientOutcome);
        return clientOk == (device == SessionOutcome.COMPLETED);
    }
}
