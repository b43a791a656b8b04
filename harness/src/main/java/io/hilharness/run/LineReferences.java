package io.hilharness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hilharness.devlog.DeviceEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of the board's events as the journal keeps it: where their lines are in {@code console.raw}
 * and when the host received each one (the one thing the capture does not hold). Everything else is
 * decoded again from the lines. In JSON:
 * <pre>{"spans": [[seq, offset, count], ...], "start": "2026-...Z", "times": [[count, nanos], ...]}</pre>
 * {@code times} are runs of events received at the same instant, each {@code nanos} after the run
 * before it (the first after {@code start}): a console read delivers many lines at once.
 *
 * @param hostTimes one per event, in the events' order
 */
public record LineReferences(List<LineSpan> spans, List<Instant> hostTimes) {
    public LineReferences {
        spans = List.copyOf(spans);
        hostTimes = List.copyOf(hostTimes);
        if (spans.stream().mapToLong(LineSpan::count).sum() != hostTimes.size()) {
            throw new IllegalArgumentException("the spans hold " + spans.stream().mapToLong(LineSpan::count).sum()
                    + " lines but there are " + hostTimes.size() + " host times");
        }
    }

    /**
     * The references of {@code events} in their order (the order the board's lines were decoded in), a
     * span broken wherever the next event is not the next console line; empty when an event does not
     * say where its line is.
     */
    public static Optional<LineReferences> of(List<DeviceEvent> events) {
        if (events.stream().anyMatch(e -> e.hostTime() == null || e.seq() < 0 || e.offset() < 0)) {
            return Optional.empty();
        }
        return Optional.of(new LineReferences(spans(events), events.stream().map(DeviceEvent::hostTime).toList()));
    }

    /** The events' lines as spans, in the events' order, a span broken wherever the next event is not the next line. */
    public static List<LineSpan> spans(List<DeviceEvent> events) {
        List<LineSpan> spans = new ArrayList<>();
        DeviceEvent first = null;
        DeviceEvent previous = null;
        int count = 0;
        for (DeviceEvent e : events) {
            if (previous != null && e.seq() == previous.seq() + 1 && e.offset() > previous.offset()) {
                count++;
            } else {
                if (first != null) {
                    spans.add(new LineSpan(first.seq(), first.offset(), count));
                }
                first = e;
                count = 1;
            }
            previous = e;
        }
        if (first != null) {
            spans.add(new LineSpan(first.seq(), first.offset(), count));
        }
        return spans;
    }

    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        ArrayNode spanArray = json.putArray("spans");
        for (LineSpan s : spans) {
            spanArray.addArray().add(s.seq()).add(s.offset()).add(s.count());
        }
        if (hostTimes.isEmpty()) {
            return json;
        }
        json.put("start", hostTimes.get(0).toString());
        ArrayNode runs = json.putArray("times");
        Instant before = hostTimes.get(0);
        Instant runAt = before;
        int runLength = 0;
        for (Instant t : hostTimes) {
            if (runLength > 0 && t.equals(runAt)) {
                runLength++;
                continue;
            }
            if (runLength > 0) {
                runs.addArray().add(runLength).add(Duration.between(before, runAt).toNanos());
                before = runAt;
            }
            runAt = t;
            runLength = 1;
        }
        runs.addArray().add(runLength).add(Duration.between(before, runAt).toNanos());
        return json;
    }

    /** @throws IllegalArgumentException naming what is wrong, for the reader to name the field */
    public static LineReferences fromJson(JsonNode json) {
        if (!json.isObject() || !json.path("spans").isArray()) {
            throw new IllegalArgumentException("not an object with 'spans'");
        }
        List<LineSpan> spans = new ArrayList<>();
        for (JsonNode s : json.get("spans")) {
            if (!s.isArray() || s.size() != 3 || !s.get(0).canConvertToLong() || !s.get(1).canConvertToLong()
                    || !s.get(2).canConvertToInt()) {
                throw new IllegalArgumentException("a span is not [seq, offset, count]: " + s);
            }
            spans.add(new LineSpan(s.get(0).asLong(), s.get(1).asLong(), s.get(2).asInt()));
        }
        List<Instant> times = new ArrayList<>();
        if (json.has("start")) {
            Instant at;
            try {
                at = Instant.parse(json.get("start").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'start' is not an instant: " + json.get("start"));
            }
            for (JsonNode run : json.path("times")) {
                if (!run.isArray() || run.size() != 2 || !run.get(0).canConvertToInt() || !run.get(1).canConvertToLong()
                        || run.get(0).asInt() < 1 || times.size() + (long) run.get(0).asInt() > LIMIT) {
                    throw new IllegalArgumentException("a run of host times is not [count, nanos]: " + run);
                }
                at = at.plusNanos(run.get(1).asLong());
                for (int i = 0; i < run.get(0).asInt(); i++) {
                    times.add(at);
                }
            }
        }
        return new LineReferences(spans, times);
    }

    /** More events than a list of one round ever has: a damaged count must not fill the heap. */
    private static final int LIMIT = 1_000_000;
}
