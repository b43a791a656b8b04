package io.hilharness.devlog;

import io.hilharness.console.ConsoleLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns console lines into device events. Every line gives an event, whatever its content: a line
 * no format recognises becomes an {@link EventType#OTHER} event with the raw text, because device
 * output is untrusted and evidence must never be dropped.
 *
 * <p>Stateful (boot number, and the auto-detected format) and therefore thread-confined: feed one
 * parser from one thread, in console order. Use one parser per console session.
 *
 * <p>Boot tracking: {@link DeviceEvent#boot()} is the number of the last BOOT banner (0 before any).
 * A STATUS line also reports the device's boot counter and is trusted the same way, so a run that
 * opened the console after power-on (banner missed) still learns the boot number.
 */
public final class DeviceLogParser {

    private final LogFormat format;
    private final HexDumps dumps = new HexDumps();
    private int boot;

    public DeviceLogParser(LogFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Parser for a format name accepted by {@link LogFormats#byName}. */
    public static DeviceLogParser forFormat(String name) {
        return new DeviceLogParser(LogFormats.byName(name));
    }

    public LogFormat format() {
        return format;
    }

    /** Boot number known now (0 before any boot seen). */
    public int currentBoot() {
        return boot;
    }

    /**
     * Events for one console line, in order: usually exactly one. Rows of an mbedTLS hex dump are held
     * back until the dump ends (then the last row carries {@link DeviceEvent#dump()}), so a call may
     * return none, or several. Call {@link #flush()} at the end of the stream for held rows.
     */
    public List<DeviceEvent> accept(ConsoleLine consoleLine) {
        DeviceEvent event = parse(consoleLine);
        trackBoot(event);
        List<DeviceEvent> out = new ArrayList<>(1);
        try {
            dumps.accept(event, out);
        } catch (RuntimeException e) {
            out.add(event); // a dump-assembly bug must not cost the line
        }
        return out;
    }

    /** Held hex dump rows (dumps that never completed), to call when the stream ends. */
    public List<DeviceEvent> flush() {
        List<DeviceEvent> out = new ArrayList<>();
        dumps.flush(out);
        return out;
    }

    private DeviceEvent parse(ConsoleLine consoleLine) {
        String text = consoleLine.text() == null ? "" : consoleLine.text();
        DeviceEvent.Builder b = DeviceEvent.builder()
                .seq(consoleLine.seq())
                .offset(consoleLine.offset())
                .hostTime(consoleLine.hostTime())
                .boot(boot)
                .raw(text)
                .truncated(consoleLine.truncated());
        try {
            // Colour codes and "\r\x1b[2K" redraws are terminal noise around the prefix, not content.
            String visible = LineText.visible(text);
            LogLine parsed = format.parse(visible);
            if (parsed != null) {
                fill(b, parsed);
                MessageClassifier.classify(parsed, b);
            } else {
                b.message(visible);
                MessageClassifier.classifyRaw(visible, b);
            }
            if ((b.type() == EventType.OTHER || b.type() == EventType.ERROR) && format.isDeath(visible)) {
                b.type(EventType.CRASH).severity(Severity.ERROR);
            }
            return b.build();
        } catch (RuntimeException | StackOverflowError e) {
            // Last line of defence: a parsing bug must not cost the line, nor stop the session.
            return unparsed(consoleLine, text);
        }
    }

    private static void fill(DeviceEvent.Builder b, LogLine parsed) {
        b.format(parsed.format())
                .deviceMs(parsed.deviceMs())
                .severity(parsed.severity() == null ? Severity.INFO : parsed.severity())
                .file(parsed.file())
                .line(parsed.line())
                .debugLevel(parsed.debugLevel())
                .context(parsed.context());
    }

    private DeviceEvent unparsed(ConsoleLine consoleLine, String text) {
        return DeviceEvent.builder()
                .seq(consoleLine.seq())
                .offset(consoleLine.offset())
                .hostTime(consoleLine.hostTime())
                .boot(boot)
                .message(text)
                .raw(text)
                .truncated(consoleLine.truncated())
                .build();
    }

    private void trackBoot(DeviceEvent event) {
        boolean statusWithBoot = event.type() == EventType.STATUS
                && event.counters() != null && event.counters().containsKey("boot");
        if (event.type() == EventType.BOOT || statusWithBoot) {
            boot = event.boot();
        }
    }
}
