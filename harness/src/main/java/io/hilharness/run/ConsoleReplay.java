package io.hilharness.run;

import io.hilharness.console.ConsoleLine;
import io.hilharness.console.LineFramer;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormat;
import io.hilharness.secrets.KeyRedaction;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's events decoded again from {@code console.raw}, as the campaign decoded them live: the
 * same framing, key redaction and parser, fed every line from the capture's first byte, so the parser's
 * state (boot number, detected format, hex dumps spanning lines) is the same at every line. A journal
 * refers to its lines ({@link LineReferences}); this gives back their events, each with the line number
 * and host time the journal kept.
 *
 * <p>Forward only, in journal order: a round's references are {@link #expect expected} before its
 * lines are decoded, lines framed ahead of need wait undecoded. Memory holds one round's events and
 * one read of the capture. The capture may still grow (the journal's writer reads it while the board
 * talks): the end of the stream is then only the end for now.
 */
final class ConsoleReplay implements Closeable {
    private static final int READ_SIZE = 8 * 1024;

    private final InputStream capture;
    private final byte[] buffer = new byte[READ_SIZE];
    private final ArrayDeque<ConsoleLine> framed = new ArrayDeque<>();
    private final LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, 0,
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), framed::add);
    private final KeyRedaction keys = new KeyRedaction();
    private final DeviceLogParser parser;
    /** Offset of each expected span's first line, not decoded yet. */
    private final Map<Long, SpanStart> starts = new HashMap<>();
    /** Offset of each expected line decoded but whose event the parser still holds (a hex dump row). */
    private final Map<Long, Slot> held = new HashMap<>();
    /** The span whose lines are being decoded: the next lines continue it. */
    private SpanStart inSpan;
    private int lineInSpan;

    ConsoleReplay(InputStream capture, LogFormat format) {
        this.capture = capture;
        this.parser = new DeviceLogParser(format);
    }

    /** The events one list of references names, filled in as their lines are decoded. */
    static final class Request {
        private final LineReferences refs;
        private final DeviceEvent[] events;
        private int missing;

        private Request(LineReferences refs) {
            this.refs = refs;
            this.events = new DeviceEvent[refs.hostTimes().size()];
            this.missing = events.length;
        }

        boolean complete() {
            return missing == 0;
        }

        LineReferences references() {
            return refs;
        }
    }

    private record SpanStart(Request request, LineSpan span, int firstEvent) {
    }

    private record Slot(Request request, int event) {
    }

    /** Announces lines a round refers to; every list of one round before {@link #events} is asked for any. */
    Request expect(LineReferences refs) {
        Request request = new Request(refs);
        int event = 0;
        for (LineSpan span : refs.spans()) {
            starts.put(span.offset(), new SpanStart(request, span, event));
            event += span.count();
        }
        return request;
    }

    /**
     * The events {@code request} refers to, in its order, decoding the capture as far as needed; null when
     * the capture (so far) ends before they are all there, or holds other lines where they should be.
     */
    List<DeviceEvent> events(Request request) throws IOException {
        while (!request.complete()) {
            if (framed.isEmpty() && !readMore()) {
                forget(request);
                return null;
            }
            if (!framed.isEmpty()) {
                decode(framed.poll());
            }
        }
        return Arrays.asList(request.events);
    }

    private boolean readMore() throws IOException {
        int n = capture.read(buffer);
        if (n < 0) {
            return false;
        }
        framer.feed(buffer, 0, n);
        return true;
    }

    private void decode(ConsoleLine line) {
        String text = keys.next(line.text());
        SpanStart start = starts.remove(line.offset());
        if (start != null) {
            inSpan = start;
            lineInSpan = 0;
        } else if (inSpan != null && lineInSpan + 1 < inSpan.span().count()) {
            lineInSpan++;
        } else {
            inSpan = null;
        }
        ConsoleLine stamped;
        if (inSpan == null) {
            stamped = new ConsoleLine(line.seq(), line.offset(), line.hostTime(), text, line.truncated());
        } else {
            int event = inSpan.firstEvent() + lineInSpan;
            held.put(line.offset(), new Slot(inSpan.request(), event));
            stamped = new ConsoleLine(inSpan.span().seq() + lineInSpan, line.offset(),
                    inSpan.request().refs.hostTimes().get(event), text, line.truncated());
        }
        parser.accept(stamped, this::decoded);
    }

    private void decoded(DeviceEvent event) {
        Slot slot = held.remove(event.offset());
        if (slot != null && slot.request().events[slot.event()] == null) {
            slot.request().events[slot.event()] = event;
            slot.request().missing--;
        }
    }

    /** A request that cannot be met: its lines, should they come, are no one's. */
    private void forget(Request request) {
        starts.values().removeIf(s -> s.request() == request);
        held.values().removeIf(s -> s.request() == request);
    }

    @Override
    public void close() throws IOException {
        capture.close();
    }
}
