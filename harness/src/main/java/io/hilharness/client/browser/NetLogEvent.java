package io.hilharness.client.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One NetLog event with its numeric codes already turned into Chromium's names.
 *
 * @param sourceType e.g. SOCKET, URL_REQUEST, HTTP_STREAM_JOB
 * @param sourceId   the source's id, unique within one NetLog
 * @param type       the event name, e.g. TCP_CONNECT, SSL_CONNECT
 * @param phase      BEGIN, END or NONE
 * @param params     the event's parameters; an empty object when it has none
 */
record NetLogEvent(Instant time, String sourceType, long sourceId, String type, Phase phase, JsonNode params) {

    enum Phase { BEGIN, END, NONE }

    boolean is(String eventType, Phase eventPhase) {
        return type.equals(eventType) && phase == eventPhase;
    }

    String text(String param) {
        JsonNode value = params.get(param);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The id of the source this event points at (its {@code source_dependency}), or -1. */
    long dependency() {
        JsonNode dependency = params.path("source_dependency").path("id");
        return dependency.isMissingNode() ? -1 : dependency.asLong();
    }

    /** Chromium's net error code of the event (negative), or 0 when it carries none. */
    int netError() {
        return params.path("net_error").asInt(0);
    }

    long byteCount() {
        return params.path("byte_count").asLong(0);
    }
}
