package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReferencesTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00.123456789Z");

    private static DeviceEvent line(long seq, long offset, Instant at) {
        return DeviceEvent.builder().seq(seq).offset(offset).hostTime(at).raw("x").build();
    }

    @Test
    void spansBreakWhereTheNextEventIsNotTheNextLine() {
        LineReferences refs = LineReferences.of(List.of(line(5, 100, T), line(6, 140, T), line(9, 300, T),
                line(10, 330, T), line(8, 250, T))).orElseThrow();

        assertEquals(List.of(new LineSpan(5, 100, 2), new LineSpan(9, 300, 2), new LineSpan(8, 250, 1)), refs.spans());
    }

    @Test
    void hostTimesGoInRunsAndComeBackToTheNanosecond() throws Exception {
        List<Instant> times = List.of(T, T, T, T.plusNanos(98_457), T.plusNanos(98_457), T.minusMillis(3), T.plusSeconds(2));
        LineReferences refs = new LineReferences(List.of(new LineSpan(1, 0, 7)), times);

        String json = Json.mapper().writeValueAsString(refs.toJson());

        assertEquals("{\"spans\":[[1,0,7]],\"start\":\"2026-12-01T10:00:00.123456789Z\","
                + "\"times\":[[3,0],[2,98457],[1,-3098457],[1,2003000000]]}", json);
        assertEquals(refs, LineReferences.fromJson(Json.mapper().readTree(json)));
    }

    @Test
    void anEventWithoutItsPlaceInTheCaptureCannotBeReferredTo() {
        assertTrue(LineReferences.of(List.of(line(1, 0, null))).isEmpty());
    }

    @Test
    void damagedReferencesSayWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> LineReferences.fromJson(Json.mapper().readTree(
                "{\"spans\":[[1,0]]}")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineReferences.fromJson(
                Json.mapper().readTree("{\"spans\":[[1,0,2]],\"start\":\"2026-12-01T10:00:00Z\",\"times\":[[1,0]]}")));
        assertEquals("the spans hold 2 lines but there are 1 host times", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineReferences.fromJson(Json.mapper().readTree(
                "{\"spans\":[[1,0,1]],\"start\":\"yesterday\",\"times\":[[1,0]]}")));
    }
}
