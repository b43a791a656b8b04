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
 * cable would): its console vanishes mid-stream and never comes back by itself. The campaign must
 * record that as outcomes and end cleanly with its reports, not crash.
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

        assertEquals(1, result.exitCode());
        assertTrue(result.rounds().get(0).ok() && result.rounds().get(1).ok());
        assertFalse(result.rounds().get(2).ok(), "the round after the board died fails");
        assertTrue(result.rounds().get(2).connections().stream()
                .allMatch(c -> c.client().outcome() == Outcome.REFUSED), "nobody listens any more");
        List<BootRecord> boots = result.boots();
        assertEquals(3, boots.size());
        if (reset == ResetKind.SOFT) {
            // The console reset cannot be sent to a console that is gone: recorded, then a power cycle.
            assertTrue(boots.get(1).failure().startsWith("reset failed: cannot send 'reboot' to the console"),
                    boots.get(1).failure());
            assertEquals(ResetKind.HARD, boots.get(2).reset());
            assertTrue(boots.get(2).ready());
        } else {
            assertTrue(boots.get(1).ready() && boots.get(2).ready(), "a power cycle revives it");
        }
        assertEquals(List.of(true, true, true), roundsOk(result, 3), "the board is back for the last boot");
        assertTrue(Files.exists(result.runDir().resolve("report.html")));
    }

    private static List<Boolean> roundsOk(CampaignResult result, int boot) {
        return result.rounds().stream().filter(r -> r.boot() == boot).map(RoundRecord::ok).toList();
    }
}
