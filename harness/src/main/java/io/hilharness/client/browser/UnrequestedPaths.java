package io.hilharness.client.browser;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A browser only fetches what the page names, and nothing after a failed page. When every socket
 * was fine but a round's path was never asked for, that is a failure no socket shows, so it is added
 * to the page's connection; when a socket failed, that failure is the explanation and stays the outcome.
 * A path the browser did ask for, whose request failed before any socket carried it, is added with that
 * request's error (ERR_NETWORK_CHANGED: the host's addresses changed during the load).
 */
final class UnrequestedPaths {
    private UnrequestedPaths() {
    }

    static List<ConnectionRecord> blame(List<ConnectionRecord> records, Set<String> requested, String page) {
        return blame(records, requested, page, List.of());
    }

    /** @param failedWithoutSocket the round's requests that failed before a socket carried them */
    static List<ConnectionRecord> blame(List<ConnectionRecord> records, Set<String> requested, String page,
                                        List<Exchange> failedWithoutSocket) {
        Set<String> seen = new LinkedHashSet<>();
        records.forEach(r -> r.exchanges().forEach(x -> seen.add(x.path())));
        List<String> missing = requested.stream().filter(p -> !seen.contains(p)).toList();
        if (missing.isEmpty() || records.isEmpty() || records.stream().anyMatch(r -> r.outcome() != Outcome.OK)) {
            // A failed connection already explains why the browser went no further.
            return records;
        }
        // Blame the connection that carried the page (or the first one): that is where the load stopped.
        ConnectionRecord target = records.stream()
                .filter(r -> r.exchanges().stream().anyMatch(x -> x.path().equals(page)))
                .findFirst().orElse(records.get(0));
        List<Exchange> exchanges = new ArrayList<>(target.exchanges());
        List<String> why = new ArrayList<>();
        List<String> neverRequested = new ArrayList<>();
        Outcome outcome = null;
        for (String path : missing) {
            Exchange failed = failedWithoutSocket.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
            if (failed == null) {
                exchanges.add(new Exchange(path, null, null, 0, null, 0, Outcome.ERROR, "the browser never requested " + path));
                neverRequested.add("the browser never requested " + path);
            } else {
                String detail = "the browser's request for " + path + " failed before a connection carried it: "
                        + NetErrors.explain(failed.outcomeDetail());
                exchanges.add(new Exchange(path, null, null, 0, null, failed.ms(), failed.outcome(), detail));
                why.add(detail);
                outcome = outcome == null ? failed.outcome() : outcome; // the first failed request's class
            }
        }
        why.addAll(neverRequested); // what failed explains what was then never asked for: it comes first
        ConnectionRecord blamed = new ConnectionRecord(target.id(), target.boot(), target.round(), target.localPort(),
                target.remote(), target.start(), target.end(), target.connectMs(), target.handshakeMs(),
                target.tlsVersion(), target.cipherSuite(), target.peerChain(), exchanges,
                outcome == null ? Outcome.ERROR : outcome, String.join("; ", why));
        List<ConnectionRecord> result = new ArrayList<>(records);
        result.set(result.indexOf(target), blamed);
        return result;
    }
}
