package io.hilharness.client.browser;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hilharness.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a Chromium NetLog file ({@code --log-net-log}) event by event. The file is large (it carries
 * every handshake message), so it is streamed and only the events of the wanted source types are kept.
 * Chromium writes the file as it goes: a browser that had to be killed leaves it without its closing
 * brackets, and everything up to the cut is still evidence, so a truncated file is not an error.
 */
final class NetLogReader {

    /** The sources a connection record is built from. */
    static final Set<String> CONNECTION_SOURCES = Set.of("SOCKET", "HTTP_STREAM_JOB", "URL_REQUEST");

    private NetLogReader() {
    }

    /** What was read: the kept events in file order, the net error names, and whether the file was whole. */
    record Result(List<NetLogEvent> events, Map<Integer, String> netErrorNames, boolean complete) {
        String netErrorName(int code) {
            return netErrorNames.getOrDefault(code, "net error " + code);
        }
    }

    static Result read(Path file, Set<String> sourceTypes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, sourceTypes::contains);
        }
    }

    static Result read(InputStream in, Predicate<String> keepSourceType) throws IOException {
        Constants constants = null;
        List<NetLogEvent> events = new ArrayList<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, parser);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("constants")) {
                    constants = Constants.of(parser.readValueAsTree());
                } else if (field.equals("events") && value == JsonToken.START_ARRAY) {
                    if (constants == null) {
                        throw new IOException("NetLog events come before its constants");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        NetLogEvent event = constants.event(parser.readValueAsTree());
                        if (keepSourceType.test(event.sourceType())) {
                            events.add(event);
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonParseException cut) {
            // A cut can fall anywhere, also inside a token; everything before it is still evidence.
            if (constants == null) {
                throw new IOException("not a NetLog: " + cut.getOriginalMessage(), cut);
            }
            return new Result(events, constants.netErrors, false);
        }
        if (constants == null) {
            throw new IOException("not a NetLog: no constants");
        }
        return new Result(events, constants.netErrors, true);
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser parser) throws IOException {
        if (actual != expected) {
            throw new IOException("not a NetLog: expected " + expected + " at " + parser.currentLocation()
                    + " but found " + actual);
        }
    }

    /** The NetLog's own dictionary: events carry numbers, the constants name them. */
    private static final class Constants {
        private final Map<Integer, String> eventTypes;
        private final Map<Integer, String> sourceTypes;
        private final Map<Integer, String> netErrors;
        private final Map<Integer, String> phases;
        /** NetLog times are milliseconds of a monotonic clock; this offset makes them wall-clock times. */
        private final long timeTickOffset;

        private Constants(Map<Integer, String> eventTypes, Map<Integer, String> sourceTypes,
                          Map<Integer, String> netErrors, Map<Integer, String> phases, long timeTickOffset) {
            this.eventTypes = eventTypes;
            this.sourceTypes = sourceTypes;
            this.netErrors = netErrors;
            this.phases = phases;
            this.timeTickOffset = timeTickOffset;
        }

        static Constants of(JsonNode constants) {
            return new Constants(inverse(constants.path("logEventTypes")), inverse(constants.path("logSourceType")),
                    inverse(constants.path("netError")), inverse(constants.path("logEventPhase")),
                    constants.path("timeTickOffset").asLong(0));
        }

        private static Map<Integer, String> inverse(JsonNode nameToCode) {
            Map<Integer, String> codeToName = new HashMap<>();
            nameToCode.fields().forEachRemaining(e -> codeToName.put(e.getValue().asInt(), e.getKey()));
            return codeToName;
        }

        NetLogEvent event(JsonNode node) {
            JsonNode source = node.path("source");
            int type = node.path("type").asInt();
            int sourceType = source.path("type").asInt();
            // Times are written as strings (they exceed what JavaScript numbers hold exactly).
            long time = Long.parseLong(node.path("time").asText("0")) + timeTickOffset;
            JsonNode params = node.has("params") ? node.get("params") : JsonNodeFactory.instance.objectNode();
            return new NetLogEvent(Instant.ofEpochMilli(time),
                    sourceTypes.getOrDefault(sourceType, "source type " + sourceType),
                    source.path("id").asLong(),
                    eventTypes.getOrDefault(type, "event type " + type),
                    phase(node.path("phase").asInt()),
                    params);
        }

        private NetLogEvent.Phase phase(int code) {
            return switch (phases.getOrDefault(code, "PHASE_NONE")) {
                case "PHASE_BEGIN" -> NetLogEvent.Phase.BEGIN;
                case "PHASE_END" -> NetLogEvent.Phase.END;
                default -> NetLogEvent.Phase.NONE;
            };
        }
    }
}
