package io.hilharness.junit;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.console.Console;
import io.hilharness.correlate.DeviceEventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * HTTPS requests to the board, recorded like a campaign's: outcome, source port, body digest against the
 * image's content. Trusts the image's lab CA by default (see {@link HilTest#trust()}).
 */
public final class HttpsProbe {
    /** How long the board may take to log the end of a session after the client is done with it (as a campaign). */
    private static final Duration SESSION_END_GRACE = Duration.ofSeconds(5);

    /** Makes the client for a fetch mode and call timeout (empty: the driver's default timeouts). */
    interface Drivers {
        HttpsDriver create(FetchMode mode, Optional<Duration> callTimeout);
    }

    private record DriverKey(FetchMode mode, Optional<Duration> callTimeout) {
    }

    private final Drivers drivers;
    private final Map<DriverKey, HttpsDriver> built;
    private final Optional<Duration> callTimeout;
    private final Console console;
    private final DeviceEventLog events;
    private final Consumer<ProbeResult> recorder;

    HttpsProbe(Drivers drivers, Console console, DeviceEventLog events, Consumer<ProbeResult> recorder) {
        this(drivers, new ConcurrentHashMap<>(), Optional.empty(), console, events, recorder);
    }

    private HttpsProbe(Drivers drivers, Map<DriverKey, HttpsDriver> built, Optional<Duration> callTimeout,
                       Console console, DeviceEventLog events, Consumer<ProbeResult> recorder) {
        this.drivers = drivers;
        this.built = built;
        this.callTimeout = callTimeout;
        this.console = console;
        this.events = events;
        this.recorder = recorder;
    }

    /** The same probe, but each request gives up after {@code timeout} (the outcome is then TIMEOUT). */
    public HttpsProbe withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new HttpsProbe(drivers, built, Optional.of(timeout), console, events, recorder);
    }

    /**
     * Fetches {@code path} on a fresh connection and returns once the board has logged the end of it too,
     * so {@code log().since(result)} is complete. A failed connection is a result, never an exception.
     */
    public ProbeResult get(String path) {
        return round(FetchMode.SEQUENTIAL, List.of(path)).get(0);
    }

    /**
     * Fetches {@code paths} as one round, as a campaign does: {@code SEQUENTIAL} one new connection per path,
     * one after another; {@code PARALLEL} all at once, each on its own connection (a browser's 6 at most);
     * {@code KEEPALIVE} on one kept-alive connection. Returns one result per connection, in the order the
     * connections started, once the board has logged the end of each (or {@link ProbeResult#sessionEnded()}
     * is false).
     */
    public List<ProbeResult> round(FetchMode mode, List<String> paths) {
        HttpsDriver driver = built.computeIfAbsent(new DriverKey(mode, callTimeout), k -> drivers.create(k.mode(), k.callTimeout()));
        long mark = console.lastSeq();
        try {
            List<ConnectionRecord> connections = driver.runRound(paths);
            List<Integer> boardSawThem = connections.stream()
                    .filter(c -> c.localPort() > 0 && c.outcome() != Outcome.REFUSED)
                    .map(ConnectionRecord::localPort).toList();
            Set<Integer> withoutEnd = events.awaitSessionsEnded(boardSawThem, mark, SESSION_END_GRACE);
            List<ProbeResult> results = new ArrayList<>();
            for (ConnectionRecord c : connections) {
                boolean ended = boardSawThem.contains(c.localPort()) && !withoutEnd.contains(c.localPort());
                ProbeResult result = new ProbeResult(pathOf(c, paths), c, mark, ended);
                recorder.accept(result);
                results.add(result);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + paths, e);
        }
    }

    /** Every request leaves an exchange on its connection, a failed one too; a kept-alive one carries several. */
    private static String pathOf(ConnectionRecord connection, List<String> requested) {
        if (connection.exchanges().isEmpty()) {
            return String.join(" ", requested);
        }
        return String.join(" ", connection.exchanges().stream().map(x -> x.path()).toList());
    }
}
