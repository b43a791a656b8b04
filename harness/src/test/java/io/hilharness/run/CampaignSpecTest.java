package io.hilharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import io.hilharness.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignSpecTest {

    private static CampaignSpec spec(int boots, int rounds) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/", "/style.css"), 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMillis(300));
    }

    @Test
    void aCampaignOfMoreThanFiveHundredRoundsIsALongRun() {
        assertFalse(spec(1, CampaignSpec.LONG_RUN_ROUNDS).isLongRun());
        assertFalse(spec(20, 25).isLongRun());
        assertTrue(spec(1, CampaignSpec.LONG_RUN_ROUNDS + 1).isLongRun());
        assertTrue(spec(100, 100).isLongRun());
        assertTrue(spec(1, (int) CampaignSpec.MAX_ROUNDS).isLongRun());
    }

    @Test
    void moreRoundsThanACampaignMayPlanAreRefusedWithoutOverflow() {
        spec(10, (int) CampaignSpec.MAX_ROUNDS / 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("use hil soak --duration"), e.getMessage());
    }

    @Test
    void anotherReadyTimeoutKeepsEverythingElse() {
        CampaignSpec spec = spec(3, 4);
        CampaignSpec slower = spec.withReadyTimeout(Duration.ofSeconds(90));
        assertEquals(Duration.ofSeconds(90), slower.readyTimeout());
        assertEquals(new CampaignSpec(3, 4, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/", "/style.css"), 6,
                Duration.ofSeconds(90), Duration.ofSeconds(10), Duration.ofMillis(300)), slower);
    }

    @Test
    void theJournalsSpecIsTheRecordAlone() throws Exception {
        // A derived flag in the journal's campaign record would be a field that readers do not know.
        CampaignSpec spec = spec(1000, 1);
        assertFalse(Json.mapper().writeValueAsString(spec).contains("ongRun"));
        assertEquals(spec, Json.mapper().readValue(Json.mapper().writeValueAsString(spec), CampaignSpec.class));
    }
}
