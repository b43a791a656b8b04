package io.hilharness.bench;

import io.hilharness.console.ConsoleLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board's own reset-to-ready times, read from its console like any other log line: the reference
 * firmware ends its ready line with {@code , N ms after reset} (see firmware-images/README.md), and so
 * does the lwIP board ({@code httpd ready on 192.168.77.2:443, N ms after reset}).
 */
final class BoardReadyLines implements Consumer<ConsoleLine> {
    private static final Pattern READY = Pattern.compile("ready(?:, listening)? on \\S+ ([0-9]{1,9}) ms after reset$");

    /** @param seenAt when the harness had the line; @param boardMillis the board's time from reset to it */
    record ReadyLine(Instant seenAt, long boardMillis) {
    }

    private final List<ReadyLine> lines = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ConsoleLine line) {
        Matcher m = READY.matcher(line.text());
        if (m.find()) {
            lines.add(new ReadyLine(line.hostTime(), Long.parseLong(m.group(1))));
        }
    }

    /** The first ready line the harness received after the given moment (a reset command). */
    Optional<ReadyLine> firstAfter(Instant moment) {
        return lines.stream().filter(l -> !l.seenAt().isBefore(moment)).findFirst();
    }
}
