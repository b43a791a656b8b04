package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written session writer gives exactly the harness mapper's JSON, whatever is null. */
class SessionJsonTest {

    @Property(tries = 500)
    void writesWhatTheMapperWrites(@ForAll("summaries") List<SessionSummary> summaries) throws Exception {
        SessionJson writer = new SessionJson(); // one writer for many: its remembered instant must not leak
        for (SessionSummary s : summaries) {
            MapperParity.assertWritesAsTheMapper(s, json -> writer.write(json, s));
        }
    }

    @Property(tries = 1)
    void everyComponentIsWritten() {
        // A component added to the record must be added to the writer (the property above then checks it).
        assertEquals(List.of("boot", "key", "port", "context", "firstSeq", "lastSeq", "firstOffset", "start", "end",
                        "startDeviceMs", "outcome", "alertName", "code", "codeName", "handshakeDone", "requests",
                        "signatureBytes", "lines", "bytesServed", "endedBy", "attribution"),
                Arrays.stream(SessionSummary.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Provide
    Arbitrary<List<SessionSummary>> summaries() {
        Arbitrary<Instant> instants = Arbitraries.of(Instant.parse("2026-11-27T12:00:00Z"),
                Instant.parse("2026-11-27T12:00:00.123456789Z"), Instant.EPOCH).injectNull(0.2);
        Arbitrary<String> texts = Arbitraries.of("port 1", "ssl 0x1 #2", "caf\u00e9 \"quoted\" \\ \n", "").injectNull(0.3);
        Arbitrary<Integer> ints = Arbitraries.integers().between(-70000, 70000).injectNull(0.3);
        Arbitrary<Long> longs = Arbitraries.longs().injectNull(0.3);
        Arbitrary<SessionSummary> one = Combinators.combine(
                Combinators.combine(Arbitraries.integers().between(0, 9), texts, ints, texts, Arbitraries.longs(),
                        Arbitraries.longs(), Arbitraries.longs(), instants).as(Head::new),
                instants, longs, Arbitraries.of(SessionOutcome.class).injectNull(0.1), texts, ints, texts,
                Arbitraries.of(true, false))
                .as((h, end, deviceMs, outcome, alert, code, codeName, done) -> new Tail(h, end, deviceMs, outcome, alert, code,
                        codeName, done))
                .flatMap(t -> Combinators.combine(Arbitraries.of("GET /", "GET /style.css", "POST /x \u00e9").list().ofMaxSize(3),
                        longs, Arbitraries.longs(), longs, texts, texts).as((requests, signature, lines, served, ended, how) ->
                                t.summary(requests, signature, lines, served, ended, how)));
        return one.list().ofMaxSize(4);
    }

    private record Head(int boot, String key, Integer port, String context, long firstSeq, long lastSeq, long firstOffset,
                        Instant start) {
    }

    private record Tail(Head h, Instant end, Long deviceMs, SessionOutcome outcome, String alert, Integer code,
                        String codeName, boolean done) {
        SessionSummary summary(List<String> requests, Long signature, long lines, Long served, String ended, String how) {
            return new SessionSummary(h.boot(), h.key(), h.port(), h.context(), h.firstSeq(), h.lastSeq(), h.firstOffset(),
                    h.start(), end, deviceMs, outcome, alert, code, codeName, done, requests, signature, lines, served,
                    ended, how);
        }
    }
}
