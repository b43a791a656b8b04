package io.hilharness.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionRecordJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsThroughJson() throws Exception {
        ConnectionRecord record = new ConnectionRecord("c1", 2, 5, 40123, "127.0.0.1:8443",
                Instant.parse("2026-11-27T10:00:00.123456Z"), Instant.parse("2026-11-27T10:00:00.456Z"),
                3L, 120L, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", List.of("-----BEGIN CERTIFICATE-----\n"),
                List.of(new Exchange("/dashboard.html", 200, 512L, 256, null, 40, Outcome.TRUNCATED, "short")),
                Outcome.TRUNCATED, "short");

        String text = json.writeValueAsString(record);
        ConnectionRecord back = json.readValue(text, ConnectionRecord.class);

        assertEquals(record, back);
        assertTrue(text.contains("\"localPort\":40123"), text);
        assertTrue(text.contains("\"start\":\"2026-11-27T10:00:00.123456Z\""), text);
    }

    @Test
    void recordsFromARealRoundSerialise() throws Exception {
        try (var server = LoopbackHttpsServer.start(BenchPki.SELF_SIGNED, LoopbackHttpsServer.Behavior.SERVE,
                new byte[] {1, 2, 3})) {
            List<ConnectionRecord> records = HttpsDriver.builder("127.0.0.1", server.port()).build()
                    .runRound(List.of("/"));

            List<?> back = json.readValue(json.writeValueAsString(records), List.class);
            assertEquals(1, back.size());
            assertEquals(records.get(0), json.readValue(json.writeValueAsString(records.get(0)), ConnectionRecord.class));
        }
    }
}
