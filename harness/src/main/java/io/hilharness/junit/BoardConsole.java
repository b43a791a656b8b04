package io.hilharness.junit;

import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The board's console as a test sees it: waits for lines written since the test started (the ready line
 * of the boot before it included), with a failure message that shows what the board said instead.
 */
public final class BoardConsole {
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int TAIL_LINES = 20;

    private final Console console;
    private final LongSupplier testStart;

    BoardConsole(Console console, LongSupplier testStart) {
        this.console = console;
        this.testStart = testStart;
    }

    /** The first line since the test started containing a match of {@code regex}; fails the test on timeout. */
    public ConsoleLine awaitLine(String regex, Duration timeout) {
        return awaitLine(Pattern.compile(regex), timeout);
    }

    public ConsoleLine awaitLine(Pattern pattern, Duration timeout) {
        return awaitLineAfter(pattern, testStart.getAsLong(), timeout, "no console line matching /" + pattern + "/");
    }

    /** The first line after {@link #mark()} {@code afterSeq} matching; e.g. the board's answer to a command. */
    public ConsoleLine awaitLineAfter(Pattern pattern, long afterSeq, Duration timeout) {
        return awaitLineAfter(pattern, afterSeq, timeout, "no console line matching /" + pattern + "/");
    }

    ConsoleLine awaitLineAfter(Pattern pattern, long afterSeq, Duration timeout, String failure) {
        try {
            return Awaitility.await(failure)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .atMost(timeout)
                    .until(() -> firstMatch(pattern, afterSeq), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(failure + " within " + timeout.toMillis() + " ms; last console lines:\n"
                    + tailText(TAIL_LINES), e);
        }
    }

    private Optional<ConsoleLine> firstMatch(Pattern pattern, long afterSeq) {
        return console.lines(afterSeq).stream().filter(l -> pattern.matcher(l.text()).find()).findFirst();
    }

    /** The seq of the newest line: pass it to {@link #awaitLineAfter} to wait for what comes after now. */
    public long mark() {
        return console.lastSeq();
    }

    /** Sends a command line to the board. */
    public void send(String command) {
        try {
            console.send(command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to the console of the board: " + e.getMessage(), e);
        }
    }

    /** Lines the board wrote since the test started. */
    public List<ConsoleLine> linesSinceTestStart() {
        return console.lines(testStart.getAsLong());
    }

    /** The last {@code n} lines as text, one per line; for messages. */
    public String tailText(int n) {
        return console.tail(n).stream().map(l -> "  " + l.seq() + ": " + l.text()).collect(Collectors.joining("\n"));
    }
}
