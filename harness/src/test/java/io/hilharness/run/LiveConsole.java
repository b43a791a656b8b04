package io.hilharness.run;

import io.hilharness.console.LineFramer;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormats;
import io.hilharness.secrets.KeyRedaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign's console and parser make of the bytes a board sends, without a board: every chunk
 * appended to console.raw first, then framed (one host time per chunk, as a read), keys redacted, parsed.
 */
final class LiveConsole {
    private final Path capture;
    private final KeyRedaction keys = new KeyRedaction();
    private final DeviceLogParser parser;
    private final List<DeviceEvent> events = new ArrayList<>();
    private final LineFramer framer;
    private Instant now = Instant.parse("2026-12-01T10:00:00.000000001Z");

    LiveConsole(Path capture, String format) {
        this.capture = capture;
        this.parser = new DeviceLogParser(LogFormats.byName(format));
        this.framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, 0, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        }, line -> parser.accept(new io.hilharness.console.ConsoleLine(line.seq(), line.offset(), line.hostTime(),
                keys.next(line.text()), line.truncated()), events::add));
    }

    /** The board sends {@code bytes}, read in chunks of {@code chunk} bytes a few milliseconds apart. */
    LiveConsole send(byte[] bytes, int chunk) throws IOException {
        for (int at = 0; at < bytes.length; at += chunk) {
            int n = Math.min(chunk, bytes.length - at);
            byte[] part = java.util.Arrays.copyOfRange(bytes, at, at + n);
            Files.write(capture, part, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            now = now.plusNanos(1_234_567L * (1 + at % 7));
            framer.feed(part, 0, n);
        }
        return this;
    }

    /** The console link vanishes (a power cycle): the line in progress is handed on without its end. */
    LiveConsole disconnect() {
        framer.flush();
        return this;
    }

    /** Every event so far, in the order the parser handed them on. */
    List<DeviceEvent> events() {
        return List.copyOf(events);
    }
}
