package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void resetsAreNamedAsTheBootsWereReset() throws Exception {
        CraftedRun crafted = new CraftedRun(); // spec: soft; boots 2 and 3 soft after the power-on
        assertEquals("soft", result(crafted, crafted.boots).resets());
        assertTrue(SummaryTable.render(result(crafted, crafted.boots)).lines().findFirst().orElseThrow()
                .endsWith(", soft reset"));

        // hil soak: soft and hard in turn, although its spec names one kind
        List<BootRecord> alternating = new ArrayList<>(crafted.boots);
        BootRecord third = alternating.get(2);
        alternating.set(2, new BootRecord(3, ResetKind.HARD, third.resetAt(), 3, "power-on", 20L, null));
        CampaignResult soak = result(crafted, alternating);

        assertEquals("mixed", soak.resets());
        assertTrue(SummaryTable.render(soak).lines().findFirst().orElseThrow().endsWith(", soft and hard resets (1 soft, 1 hard)"),
                SummaryTable.render(soak));
        assertTrue(JunitReport.render(soak, List.of()).contains("<property name=\"reset\" value=\"mixed\""), JunitReport.render(soak, List.of()));
    }

    private static CampaignResult result(CraftedRun crafted, List<BootRecord> boots) {
        return new CampaignResult("lab-ca", "reference", null, crafted.spec, boots, crafted.rounds);
    }
}
