package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The board dies under the harness (its process is killed from outside, as a brown-out or a pulled
 * cable would): its console vanishes mid-stream and never comes back by itself. The campaign records
 * a crashed boot, brings the board back by a power cycle, goes on, and ends cleanly with its reports.
 */
class VanishedConsoleIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @ParameterizedTest
    @EnumSource(ResetKind.class)
    void aBoardThatDiesMidCampaignIsRecordedAndTheCampaignEndsCleanly(ResetKind reset) throws Exception {
        CampaignListener boardDies = new CampaignListener() {
            @Override
            public void roundDone(RoundRecord round) {
                if (round.boot() == 1 && round.round() == 2) {
                    // SIGKILL is asynchronous: the board is dead once it has exited, not once it was signalled
                    // (until then its listening socket still accepts, and the next round sees a reset).
                    List<ProcessHandle> boards = ProcessHandle.current().descendants()
                            .filter(p -> p.info().command().map(c -> c.endsWith("refboard")).orElse(false))
                            .toList();
                    boards.forEach(ProcessHandle::destroyForcibly);
                    boards.forEach(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
                }
            }
        };
        CampaignSpec spec = new CampaignSpec(3, 3, FetchMode.SEQUENTIAL, reset, List.of("/dashboard.html", "/style.css"),
                1, Duration.ofSeconds(5), Duration.ofSeconds(3));

        CampaignResult result = new ReferenceBoardRunner(layout, runs).run("lab-ca", spec, TrustOption.IMAGE, boardDies).result();

        String summary = io.hilharness.report.SummaryTable.render(result);
        assertEquals(1, result.exitCode(), summary);
        List<RoundRecord> firstBoot = result.rounds().stream().filter(r -> r.boot() == 1).toList();
        assertTrue(firstBoot.get(0).ok() && firstBoot.get(1).ok(), summary);
        // The board's death is seen after the round that killed it or after the next one, whose
        // connections then find nobody listening.
        assertTrue(firstBoot.stream().skip(2).allMatch(r -> !r.ok() && r.connections().stream()
                .allMatch(c -> c.client().outcome() == Outcome.REFUSED)), "nobody listens any more\n" + summary);
        List<BootRecord> boots = result.boots();
        assertEquals(3, boots.size(), summary);
        assertTrue(boots.get(0).crashed(), "a board that died is a crashed boot\n" + summary);
        assertTrue(boots.get(0).crash().exit().contains("SIGKILL"), boots.get(0).crash().exit());
        // Whatever the reset kind, a dead board comes back by a power cycle, and the campaign goes on.
        assertEquals(ResetKind.HARD, boots.get(1).reset(), summary);
        assertTrue(boots.get(1).ready() && boots.get(2).ready(), summary);
        assertEquals(List.of(true, true, true), roundsOk(result, 2), summary);
        assertEquals(List.of(true, true, true), roundsOk(result, 3), "the board is back for the last boot\n" + summary);
        assertTrue(Files.exists(result.runDir().resolve("report.html")));
    }

    private static List<Boolean> roundsOk(CampaignResult result, int boot) {
        return result.rounds().stream().filter(r -> r.boot() == boot).map(RoundRecord::ok).toList();
    }
}
