package io.hilharness.testing;

import io.hilharness.campaign.RoundClient;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client whose rounds end as the test says: one connection per request, each with its scripted
 * outcome (OK when the script says nothing). A connection that reaches the board is logged by the
 * {@link FakeBoard}, with its port; a timed-out one never got a socket (the connect timed out), so
 * the board has nothing to log and the campaign waits for no session end.
 */
public final class ScriptedRoundClient implements RoundClient {
    private final FakeBoard board;
    private final ManualClock clock;
    private final Deque<List<Outcome>> script = new ConcurrentLinkedDeque<>();
    private final AtomicInteger nextPort = new AtomicInteger(50_000);
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile Duration roundTakes = Duration.ZERO;

    ScriptedRoundClient(FakeBoard board, ManualClock clock) {
        this.board = board;
        this.clock = clock;
    }

    /**
     * The next round not yet scripted ends so: one outcome per request, the last one standing for any
     * further requests.
     */
    public ScriptedRoundClient thenRound(Outcome... outcomes) {
        script.add(List.of(outcomes));
        return this;
    }

    /** Each round moves the clock on by {@code duration}, as fetching takes time. */
    public ScriptedRoundClient eachRoundTaking(Duration duration) {
        this.roundTakes = duration;
        return this;
    }

    public int roundsRun() {
        return rounds.get();
    }

    @Override
    public List<ConnectionRecord> runRound(List<String> requests) {
        rounds.incrementAndGet();
        List<Outcome> outcomes = script.isEmpty() ? List.of(Outcome.OK) : script.poll();
        List<ConnectionRecord> records = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Outcome outcome = outcomes.get(Math.min(i, outcomes.size() - 1));
            records.add(connection(requests.get(i), outcome, i + 1));
        }
        clock.advance(roundTakes);
        return records;
    }

    private ConnectionRecord connection(String path, Outcome outcome, int n) {
        Instant start = clock.instant();
        int port = outcome == Outcome.TIMEOUT ? -1 : nextPort.getAndIncrement();
        if (port > 0) {
            board.serve(port, path, outcome);
        }
        boolean ok = outcome == Outcome.OK;
        String detail = ok ? null : "scripted " + outcome.name().toLowerCase();
        Exchange exchange = new Exchange(path, ok ? 200 : null, ok ? 100L : null, ok ? 100 : 0, ok ? Boolean.TRUE : null, 1,
                outcome, detail);
        return new ConnectionRecord("c" + n, null, null, port, "127.0.0.1:8443", start, clock.instant(), ok ? 1L : null,
                ok ? 2L : null, ok ? "TLSv1.2" : null, null, List.of(), List.of(exchange), outcome, detail);
    }
}
