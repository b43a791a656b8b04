package io.hilharness.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
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
 * A microcontroller crashing for real: on {@code qemu-hardfault} the 6th request since boot writes
 * through a NULL pointer, the Cortex-M3 takes a HardFault and its handler prints the stacked registers.
 * The harness decodes the PC against the image's ELF with arm-none-eabi-addr2line, resets the board and
 * goes on with the next boot.
 */
class QemuCrashIT {
    @TempDir
    Path runs;

    @Test
    void aHardFaultIsDecodedToItsFunctionFileAndLineAndTheCampaignGoesOn() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .run("qemu-hardfault", QemuCampaignIT.spec(2, 4, FetchMode.SEQUENTIAL, ResetKind.SOFT), TrustOption.IMAGE,
                        new CampaignListener() { }).result();
        String console = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        String summary = SummaryTable.render(result) + "\nconsole.raw:\n" + console;

        assertEquals(2, result.boots().size(), "the campaign goes on after a crashed boot\n" + summary);
        for (BootRecord boot : result.boots()) {
            assertTrue(boot.ready(), summary);
            assertTrue(boot.crashed(), "boot " + boot.boot() + " crashed\n" + summary);
            assertTrue(boot.crash().location().contains("access_log_record")
                    && boot.crash().location().contains("access_log.c:"), boot.crash().location() + "\n" + summary);
            assertTrue(boot.crash().lastLines().stream().anyMatch(l -> l.contains("PC [R15]")),
                    "the register dump is among the last lines: " + boot.crash().lastLines());
        }
        // After the crash the harness gave the halted CPU a hard reset (QMP system_reset): it boots again.
        assertTrue(console.contains("boot 2, reset cause: reset, image qemu-hardfault"), summary);
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = summary + DiagnosisText.render(d);
            Finding top = d.top().orElseThrow(() -> new AssertionError(report));
            assertEquals("crash", top.rule(), report);
            assertTrue(top.facts().getOrDefault("location", "").contains("access_log.c:"), report);
            assertTrue(top.rootCause().contains("access_log_record"), report);
        }
    }
}
