package io.hilharness.devlog;

import io.hilharness.console.ConsoleLine;
import io.hilharness.console.LineFramer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
    /** Null in line order: rows are then never held back. */
    private final HexDumps dumps;
    private final NativeLineReader nativeLines = new NativeLineReader();
    private final NativeLineFacts nativeFacts = new NativeLineFacts(nativeLines);
    private final LineShapes shapes = new LineShapes();
    /** Ports and pointers of an lwIP board's lines, which mostly name neither. */
    private final LwipConnections lwipConnections = new LwipConnections();
    /** Whether canonical lines may skip the format's String parse; null until the format is known. */
    private Boolean nativeFastPath;
    private int boot;

    public DeviceLogParser(LogFormat format) {
        this(format, true, true);
    }

    private DeviceLogParser(LogFormat format, boolean assembleDumps, boolean fastPaths) {
        this.format = Objects.requireNonNull(format, "format");
        this.dumps = assembleDumps ? new HexDumps() : null;
        this.nativeFastPath = fastPaths ? fastPathFor(format) : Boolean.FALSE;
    }

    /** In line order and always by the format's String parse: the reference the fast paths are tested against. */
    static DeviceLogParser reference(LogFormat format) {
        return new DeviceLogParser(format, false, false);
    }

    /**
     * A parser that hands on every line's event at once, in line order: hex dump rows are not held
     * back and no event carries a {@link DeviceEvent#dump()}. For readers that never look at dump
     * bytes, such as {@code hil analyze}: only this kind reads lines from bytes.
     */
    public static DeviceLogParser inLineOrder(LogFormat format) {
        return new DeviceLogParser(format, false, true);
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
        List<DeviceEvent> out = new ArrayList<>(1);
        accept(consoleLine, out::add);
        return out;
    }

    /** {@link #accept(ConsoleLine)}, handing the events to {@code out} instead of a new list. */
    public void accept(ConsoleLine consoleLine, Consumer<DeviceEvent> out) {
        DeviceEvent event = accepted(consoleLine);
        if (dumps == null) {
            out.accept(event);
            return;
        }
        try {
            dumps.accept(event, out);
        } catch (RuntimeException e) {
            out.accept(event); // a dump-assembly bug must not cost the line
        }
    }

    /**
     * One line given as its bytes (without terminator), for a parser {@link #inLineOrder}: its facts,
     * exactly as {@link #accept(ConsoleLine, Consumer)} would give them for the line decoded as
     * UTF-8. A canonical mbedtls line comes as a reused view, valid until the next call; any other
     * line as its {@link DeviceEvent}.
     */
    public LineFacts facts(byte[] buf, int off, int len, long seq, long offset, Instant hostTime, boolean truncated) {
        if (dumps != null) {
            throw new IllegalStateException("lines from bytes need a parser in line order");
        }
        if (!truncated && nativeFastPath()) {
            LineFacts facts = readCanonical(buf, off, off + len, seq, offset, hostTime);
            if (facts != null) {
                return facts;
            }
        }
        return accepted(new ConsoleLine(seq, offset, hostTime, LineFramer.decode(buf, off, len), truncated));
    }

    /**
     * The facts of {@code buf[from, to)} when it is a canonical mbedtls line, else null. A text met
     * before (apart from its port) is known at once; a new one that nothing can recognise is OTHER
     * from its bytes, any other is parsed as a String; then its facts are remembered. Boot banners
     * and status lines are never remembered: they move the parser's boot.
     */
    private LineFacts readCanonical(byte[] buf, int from, int to, long seq, long offset, Instant hostTime) {
        try {
            LineShapes.Shape known = shapes.find(buf, from, to);
            if (known != null) {
                nativeFacts.reuse(known, buf, from, to, shapes.port, seq, offset, hostTime, boot);
                return nativeFacts;
            }
            if (!nativeLines.read(buf, from, to)) {
                return null;
            }
            int port = nativeLines.port;
            if (nativeFacts.classifyAsOther(from, to, seq, offset, hostTime, boot)) {
                shapes.rememberIfRoom(buf, from, port, nativeFacts.shape());
                return nativeFacts;
            }
            DeviceEvent event = accepted(new ConsoleLine(seq, offset, hostTime, LineFramer.decode(buf, from, to - from), false));
            if (!MbedtlsNativeFormat.NAME.equals(event.format())) {
                return event; // the parse failed: the event says so
            }
            LineShapes.Shape shape = LineShapes.Shape.of(event);
            if (event.type() != EventType.BOOT && event.type() != EventType.STATUS) {
                shapes.remember(buf, from, port, shape);
            }
            // In the view too (its boot is the event's, as the parser took it): a reader that meets one
            // kind of facts for every canonical line is one the JIT need not compile again for another.
            nativeFacts.reuse(shape, buf, from, to, port, seq, offset, hostTime, boot);
            return nativeFacts;
        } catch (RuntimeException e) {
            return null; // a bug in the shapes must not cost the line: the String path decides
        }
    }

    /** The line's event, the parser's boot moved by it. */
    private DeviceEvent accepted(ConsoleLine consoleLine) {
        DeviceEvent event = parse(consoleLine);
        trackBoot(event);
        return event;
    }

    /** Held hex dump rows (dumps that never completed), to call when the stream ends. */
    public List<DeviceEvent> flush() {
        List<DeviceEvent> out = new ArrayList<>();
        if (dumps != null) {
            dumps.flush(out::add);
        }
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
            byte[] ascii = nativeFastPath() ? printableAscii(text) : null;
            if (ascii != null && nativeLines.read(ascii, 0, ascii.length)) {
                nativeLines.fill(b);
                MessageClassifier.classifyMessage(b.message(), b);
                return b.build();
            }
            // Colour codes and "\r\x1b[2K" redraws are terminal noise around the prefix, not content.
            String visible = LineText.visible(text);
            LogLine parsed = format.parse(visible);
            if (parsed != null) {
                fill(b, parsed);
                MessageClassifier.classify(parsed, b);
                if (LwipFormat.NAME.equals(parsed.format())) {
                    lwipConnections.attribute(b);
                }
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

    /** Whether canonical lines may skip the format's String parse, deciding it once the format is known. */
    private boolean nativeFastPath() {
        if (nativeFastPath == null) {
            nativeFastPath = fastPathFor(format);
            if (nativeFastPath == null) {
                return false; // not known yet
            }
        }
        return nativeFastPath;
    }

    /**
     * Canonical mbedtls lines can be read by {@link NativeLineReader} once the format is certainly
     * mbedtls and no format could call such a line a death (user death patterns need the String path).
     * Null while an auto-detecting format has not decided.
     */
    private static Boolean fastPathFor(LogFormat format) {
        if (format instanceof MbedtlsNativeFormat) {
            return true;
        }
        if (format instanceof AutoDetectFormat auto) {
            return auto.decided().isEmpty() ? null
                    : auto.decided().get() instanceof MbedtlsNativeFormat && auto.builtInOnly();
        }
        return false;
    }

    /** The text's bytes when it is short printable ASCII (what {@link NativeLineReader} reads), else null. */
    private static byte[] printableAscii(String text) {
        if (text.length() > NativeLineReader.MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
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
