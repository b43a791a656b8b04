package io.hilharness.devlog;

import io.hilharness.console.ConsoleLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Locates fixture files and feeds text to a parser as console lines. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    /** {@code hil.projectRoot} when the build sets it, else the nearest folder up holding fixtures/. */
    static Path projectRoot() {
        String configured = System.getProperty("hil.projectRoot");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "fixtures"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no fixtures/ folder above " + Path.of("").toAbsolutePath());
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(projectRoot().resolve("fixtures/devlog").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses lines in order, numbering them like the console framer (seq from 1, byte offsets). */
    static List<DeviceEvent> parse(DeviceLogParser parser, List<String> lines) {
        List<DeviceEvent> events = new ArrayList<>();
        long offset = 0;
        long seq = 1;
        for (String text : lines) {
            events.addAll(parser.accept(new ConsoleLine(seq, offset, T0.plusMillis(seq), text, false)));
            offset += text.getBytes(StandardCharsets.UTF_8).length + 1;
            seq++;
        }
        return events;
    }

    /** The single event of one line. */
    static DeviceEvent one(DeviceLogParser parser, String text) {
        List<DeviceEvent> events = parser.accept(new ConsoleLine(1, 0, T0, text, false));
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }

    static DeviceEvent board(String text) {
        return one(new DeviceLogParser(new BoardLogFormat()), text);
    }

    static DeviceEvent mbedtls(String text) {
        return one(new DeviceLogParser(new MbedtlsNativeFormat()), text);
    }
}
