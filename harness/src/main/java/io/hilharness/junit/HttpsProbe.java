package io.hilharness.junit;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.console.Console;
import io.hilharness.correlate.DeviceEventLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * HTTPS requests to the board, one connection each, recorded like a campaign's: outcome, source port,
 * body digest against the image's content. Trusts the image's lab CA by default (see {@link HilTest#trust()}).
 */
public final class HttpsProbe {
    /** How long the board may take to log the end of a session after the client is done with it. */
    private static final Duration SESSION_END_GRACE = Duration.ofSeconds(5);

    private final HttpsDriver driver;
    private final Console console;
    private final DeviceEventLog events;
    private final Consumer<ProbeResult> recorder;

    HttpsProbe(HttpsDriver driver, Console console, DeviceEventLog events, Consumer<ProbeResult> recorder) {
        this.driver = driver;
        this.console = console;
        this.events = events;
        this.recorder = recorder;
    }

    /**
     * Fetches {@code path} on a fresh connection and returns once the board has logged the end of it too,
     * so {@code log().since(result)} is complete. A failed connection is a result, never an exception.
     */
    public ProbeResult get(String path) {
        long mark = console.lastSeq();
        try {
            List<ConnectionRecord> records = driver.runRound(List.of(path));
            ConnectionRecord connection = records.get(0);
            if (connection.localPort() > 0 && connection.outcome() != Outcome.REFUSED) {
                events.awaitSessionsEnded(List.of(connection.localPort()), mark, SESSION_END_GRACE);
            }
            ProbeResult result = new ProbeResult(path, connection, mark);
            recorder.accept(result);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + path, e);
        }
    }
}
