package io.hilharness.lwip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.runner.ReferenceBoardRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lwIP board dying by itself: with a heap below TLS start-up's need, lwIP's own LWIP_ASSERT in
 * httpd_inits aborts the process before the ready line. Each boot is a crashed boot with lwIP's words
 * as its reason, the campaign goes on with the next boot, and the diagnosis names the assertion.
 */
@LwipBoardTest
class LwipCrashIT {
    @TempDir
    Path runs;

    @Test
    void aHeapTooSmallForStartUpIsACrashedBootNamedByLwipsOwnAssertion() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run("lwip-startup-heap", LwipCampaignIT.spec(2, 1, ResetKind.SOFT), TrustOption.IMAGE,
                        new CampaignListener() { }).result();
        String console = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        String summary = SummaryTable.render(result) + "\nconsole.raw:\n" + console;

        assertEquals(2, result.boots().size(), "the campaign goes on after a crashed boot\n" + summary);
        for (BootRecord boot : result.boots()) {
            assertFalse(boot.ready(), summary);
            assertTrue(boot.crashed(), "boot " + boot.boot() + " crashed\n" + summary);
            assertTrue(boot.crash().reason().contains("httpd_init: altcp_tls_new failed"), boot.crash().reason() + "\n" + summary);
            assertTrue(boot.crash().exit().contains("SIGABRT"), boot.crash().exit());
            assertTrue(boot.crash().lastLines().stream().anyMatch(l -> l.contains("mem_malloc: could not allocate")),
                    "lwIP's allocation failure is among the last lines: " + boot.crash().lastLines());
        }
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = summary + DiagnosisText.render(d);
            Finding top = d.top().orElseThrow(() -> new AssertionError(report));
            assertEquals("crash", top.rule(), report);
            assertTrue(top.rootCause().contains("httpd_init: altcp_tls_new failed"), report);
            assertTrue(top.facts().getOrDefault("location", "").contains("src/apps/http/httpd.c:"), report);
        }
    }
}
