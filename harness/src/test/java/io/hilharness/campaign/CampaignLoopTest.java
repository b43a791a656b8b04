package io.hilharness.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.json.Json;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.CrashRecord;
import io.hilharness.run.JournalReader;
import io.hilharness.run.RunRecords;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.FakeBoard.Boot;
import io.hilharness.testing.FakeBoard;
import io.hilharness.testing.ManualClock;
import io.hilharness.testing.ScriptedRoundClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every branch of the campaign loop, on a fake board and a clock that moves only when told. */
class CampaignLoopTest {
    /** Long enough for a ready line to cross the console's reader thread on a loaded machine. */
    private static final Duration READY = Duration.ofSeconds(10);
    /** For campaigns with a boot that never gets ready: that boot costs this much real time. */
    private static final Duration SHORT_READY = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final Events events = new Events();
    private RunFolder run;
    private FakeBoard fake;

    @BeforeEach
    void runFolder() throws IOException {
        run = new RunFolder(Files.createDirectories(dir.resolve("run")));
    }

    @AfterEach
    void powerOff() throws Exception {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void everyRoundOfEveryBootIsJournaledAndJoinedWithTheBoardsLines() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        CampaignResult result = campaign(spec(2, 2, READY), fake.client()).run();

        assertTrue(result.allPassed());
        assertEquals(List.of("campaign", "flash", "boot", "round", "round", "boot", "round", "round", "end"), types());
        assertEquals(List.of(1, 2), result.boots().stream().map(BootRecord::deviceBoot).toList());
        assertEquals(List.of("power-on", "soft"), result.boots().stream().map(BootRecord::resetCause).toList());
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertFalse(c.device().isEmpty(), "the board's lines for port " + c.client().localPort());
            }
        }
        JsonNode end = last("end");
        assertTrue(end.get("passed").asBoolean());
        assertFalse(end.has("stopped") || end.has("aborted") || end.has("deadline"), end.toString());
        assertEquals(List.of("flashed fake", "boot 1", "round 1.1", "round 1.2", "boot 2", "round 2.1", "round 2.2", "done"),
                events.seen);
    }

    @Test
    void theFirstBootAfterFlashingIsAPowerOnWhenTheBoardHasASwitch() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        CampaignResult result = campaign(spec(2, 1, READY), fake.client()).run();

        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT), resets(result));
        assertEquals(List.of("flash fake", "power off", "power on", "reboot"), fake.actions());
    }

    @Test
    void withoutASwitchEveryBootIsTheSpecsReset() throws Exception {
        fake = FakeBoard.builder(run, clock).withoutPowerSwitch().build();
        CampaignResult result = campaign(spec(2, 1, READY), fake.client()).run();

        assertEquals(List.of(ResetKind.SOFT, ResetKind.SOFT), resets(result));
        assertEquals(List.of("flash fake", "reboot", "reboot"), fake.actions());
    }

    @Test
    void aBootWithoutItsReadyLineIsRecordedAndTheNextBootFollows() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.nextBoots(Boot.SILENT);
        CampaignResult result = campaign(spec(2, 1, SHORT_READY), fake.client()).run();

        BootRecord silent = result.boots().get(0);
        assertFalse(silent.ready());
        assertNull(silent.readyMs());
        assertEquals(1, silent.deviceBoot(), "the banner came");
        assertTrue(silent.failure().startsWith("no ready line within 1 s; last console lines: ")
                && silent.failure().contains("boot 1, reset cause: power-on"), silent.failure());
        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT), resets(result), "a plain reset follows, not a power cycle");
        assertTrue(result.boots().get(1).ready());
        assertEquals(List.of(2), result.rounds().stream().map(RoundRecord::boot).toList());
        assertFalse(result.allPassed());
        assertEquals(List.of("campaign", "flash", "boot", "boot", "round", "end"), types());
        assertFalse(last("end").get("passed").asBoolean());
    }

    @Test
    void aResetThatCannotBeDoneIsFollowedByAPowerCycle() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.consoleVanishesAtNextCommand();
        CampaignResult result = campaign(spec(3, 1, READY), fake.client()).run();

        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT, ResetKind.HARD), resets(result));
        BootRecord failed = result.boots().get(1);
        assertEquals("reset failed: cannot send 'reboot' to the console: the console's device is gone", failed.failure());
        assertTrue(result.boots().get(2).ready());
        assertEquals(List.of(1, 3), result.rounds().stream().map(RoundRecord::boot).toList());
    }

    @Test
    void aPowerSwitchThatFailsIsARecordedBootFailure() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.power().failNextPowerOn("outlet 3 does not answer");
        CampaignResult result = campaign(spec(2, 1, READY), fake.client()).run();

        assertEquals("reset failed: outlet 3 does not answer", result.boots().get(0).failure());
        assertEquals(List.of(ResetKind.HARD, ResetKind.HARD), resets(result), "the power cycle is tried again");
        assertTrue(result.boots().get(1).ready());
    }

    @Test
    void aRoundWhereEveryConnectionTimesOutTripsTheWatchdog() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        ScriptedRoundClient client = fake.client().thenRound(Outcome.TIMEOUT);
        CampaignResult result = campaign(spec(2, 3, READY), client).run();

        assertEquals(List.of("campaign", "flash", "boot", "round", "watchdog", "boot", "round", "round", "round", "end"), types());
        JsonNode watchdog = last("watchdog");
        assertEquals(1, watchdog.get("boot").asInt());
        assertEquals(1, watchdog.get("round").asInt());
        assertEquals("every connection of the round timed out: the board hangs", watchdog.get("reason").asText());
        assertEquals("power cycle before the next boot", watchdog.get("action").asText());
        assertEquals(List.of(ResetKind.HARD, ResetKind.HARD), resets(result), "the boot after the watchdog is a power cycle");
        assertTrue(events.seen.contains("watchdog 1.1: power cycle before the next boot"), events.seen.toString());
        assertFalse(result.allPassed());
    }

    @Test
    void withoutASwitchTheWatchdogSaysTheNextBootIsAPlainReset() throws Exception {
        fake = FakeBoard.builder(run, clock).withoutPowerSwitch().build();
        CampaignResult result = campaign(spec(2, 1, READY), fake.client().thenRound(Outcome.TIMEOUT)).run();

        assertEquals("soft reset before the next boot (no power switch)", last("watchdog").get("action").asText());
        assertEquals(List.of(ResetKind.SOFT, ResetKind.SOFT), resets(result));
    }

    @Test
    void aBoardThatDoesNotComeBackAfterTheWatchdogsPowerCycleEndsTheCampaign() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.nextBoots(Boot.READY, Boot.SILENT);
        CampaignResult result = campaign(spec(3, 2, SHORT_READY), fake.client().thenRound(Outcome.TIMEOUT)).run();

        assertEquals(2, result.boots().size(), "no boot after the one that did not come back");
        assertEquals(List.of("campaign", "flash", "boot", "round", "watchdog", "boot", "end"), types());
        String aborted = last("end").get("aborted").asText();
        assertTrue(aborted.startsWith("board did not come back after a watchdog power cycle: no ready line within 1 s"), aborted);
        assertEquals("ended early: " + aborted, events.seen.get(events.seen.size() - 2));
        assertEquals("done", events.seen.get(events.seen.size() - 1));
    }

    @Test
    void aCrashEndsItsBootAndTheNextBootStartsFromAPowerCycle() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.crashAtConnection(3);
        ScriptedRoundClient client = fake.client().thenRound(Outcome.OK).thenRound(Outcome.RESET, Outcome.REFUSED);
        CampaignResult result = campaign(spec(2, 3, READY), client).run();

        assertEquals(List.of("campaign", "flash", "boot", "round", "round", "crash", "boot", "round", "round", "round", "end"),
                types(), "the crashed boot's third round never runs; the next boot runs all of its rounds");
        BootRecord crashed = result.boots().get(0);
        assertTrue(crashed.crashed() && crashed.ready(), "a crashed boot got ready: its connections count");
        CrashRecord crash = crashed.crash();
        assertEquals(2, crash.round());
        assertEquals("b1r2c1", crash.connection(), "the connection whose request the board was serving");
        assertEquals(50_002, crash.port());
        assertEquals("assertion \"tls_server_request_slot_free(c)\" failed", crash.reason());
        assertEquals("handle at src/httpd.c:210", crash.location(), "without an ELF, the place the assertion names");
        assertEquals("killed by signal 6 (SIGABRT)", crash.exit());
        assertEquals(List.of("0x402f34", "0x403da5", "0x406106"),
                crash.decoded().addresses().stream().map(a -> a.address().hex()).toList());
        assertTrue(crash.decoded().note().contains("names no ELF file"), crash.decoded().note());
        assertFalse(result.boots().get(1).crashed());
        assertEquals(List.of(ResetKind.HARD, ResetKind.HARD), resets(result), "a power cycle after the crash");
        assertEquals(List.of("flash fake", "power off", "power on", "power off", "power on"), fake.actions());
        assertTrue(events.seen.contains("crashed 1.2: assertion \"tls_server_request_slot_free(c)\" failed"), events.seen.toString());
        assertEquals("b1r2c1", last("crash").get("connection").asText());
    }

    @Test
    void aCrashReadBackFromTheJournalEndsTheSameBoot() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.crashAtConnection(1);
        campaign(spec(2, 1, READY), fake.client().thenRound(Outcome.RESET, Outcome.REFUSED)).run();

        RunRecords read = new RunRecords(0);
        JournalReader.of(run).read(read);
        assertEquals(List.of(true, false), read.boots().stream().map(BootRecord::crashed).toList());
        CrashRecord crash = read.boots().get(0).crash();
        assertEquals("b1r1c1", crash.connection());
        assertEquals("handle at src/httpd.c:210", crash.location());
        assertEquals("assertion", crash.decoded().report().kind());
    }

    @Test
    void aBoardThatPrintsItsDeathWithoutAPowerSwitchEndsItsBootAsCrashedToo() throws Exception {
        fake = FakeBoard.builder(run, clock).withoutPowerSwitch().build();
        fake.crashAtConnection(2);
        CampaignResult result = campaign(spec(2, 2, READY), fake.client().thenRound(Outcome.OK, Outcome.RESET)).run();

        CrashRecord crash = result.boots().get(0).crash();
        assertEquals("b1r1c2", crash.connection());
        assertNull(crash.exit(), "nothing says how it ended but its console");
        assertEquals(List.of(1, 2, 2), result.rounds().stream().map(RoundRecord::boot).toList());
    }

    @Test
    void aBoardThatDiesBeforeItsReadyLineIsABootFailureThatSaysSoAndAPowerCycleFollows() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        fake.nextBoots(Boot.READY, Boot.CRASHING);
        CampaignResult result = campaign(spec(3, 1, SHORT_READY), fake.client()).run();

        BootRecord dead = result.boots().get(1);
        assertFalse(dead.ready());
        assertTrue(dead.crashed());
        assertTrue(dead.failure().startsWith("crashed before its ready line: assertion \"chain != NULL\" failed "
                + "(load_credentials at src/main.c:140); last console lines: "), dead.failure());
        assertEquals(0, dead.crash().round());
        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT, ResetKind.HARD), resets(result), "a power cycle after it");
        assertTrue(result.boots().get(2).ready());
        assertTrue(events.seen.contains("crashed 2.0: assertion \"chain != NULL\" failed"), events.seen.toString());
    }

    @Test
    void aDeadlineStartsNoNewBootButTheBootInFlightFinishesItsRounds() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        ScriptedRoundClient client = fake.client().eachRoundTaking(Duration.ofSeconds(30));
        Instant deadline = clock.instant().plus(Duration.ofSeconds(100));
        // boot 1 at 0 s (rounds until 60 s), boot 2 at 60 s (until 120 s), then past the deadline
        CampaignResult result = campaign(spec(10, 2, READY), client).endingAt(deadline).run();

        assertEquals(2, result.boots().size());
        assertEquals(4, result.rounds().size());
        assertEquals(2, result.spec().boots(), "a timed campaign is reported as the boots it ran");
        assertTrue(result.allPassed());
        JsonNode end = last("end");
        assertEquals(2, end.get("boots").asInt());
        assertEquals(deadline, Instant.parse(end.get("deadline").asText()));
    }

    @Test
    void aStopEndsTheCampaignAfterTheRoundInFlight() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        AtomicReference<String> stop = new AtomicReference<>();
        CampaignListener stopsAtRound2 = new CampaignListener() {
            @Override
            public void roundDone(RoundRecord round) {
                if (round.round() == 2) {
                    stop.set("SIGINT");
                }
            }
        };
        CampaignResult result = new Campaign(spec(3, 5, READY), fake.board(), fake.image(), fake.client(), run, stopsAtRound2)
                .timedBy(clock).stoppingOn(() -> Optional.ofNullable(stop.get())).run();

        assertEquals(1, result.boots().size());
        assertEquals(2, result.rounds().size());
        JsonNode end = last("end");
        assertEquals("SIGINT", end.get("stopped").asText());
        assertFalse(end.get("passed").asBoolean());
    }

    @Test
    void aFullDiskStopsTheCampaignWithAnEndRecordSayingWhy() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        fake = FakeBoard.builder(run, clock).capturingTo(full).build();
        IOException stopped = assertThrows(IOException.class, () -> campaign(spec(2, 2, READY), fake.client()).run());

        assertEquals("cannot write the console capture /dev/full: No space left on device; the campaign stopped: "
                + "the journal holds 1 boots and 0 rounds (hil report " + run.dir() + " rebuilds the reports once there is space)",
                stopped.getMessage());
        assertEquals(List.of("campaign", "flash", "boot", "end"), types());
        JsonNode end = last("end");
        assertFalse(end.get("passed").asBoolean());
        assertEquals("run folder full or unwritable: cannot write the console capture /dev/full: No space left on device",
                end.get("aborted").asText());
    }

    @Test
    void theFinishingStepsRecordsComeBeforeTheEndRecord() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        List<CampaignResult> finished = new ArrayList<>();
        CampaignResult result = campaign(spec(1, 2, READY), fake.client())
                .finishingWith((ran, journal) -> {
                    finished.add(ran);
                    journal.append("diagnosis", Map.of("findings", List.of()));
                })
                .run();

        assertEquals(List.of("campaign", "flash", "boot", "round", "round", "diagnosis", "end"), types());
        assertEquals(List.of(result), finished, "the step sees the campaign as it ran");
    }

    @Test
    void aFinishingStepThatCannotWriteStopsTheCampaignAsAFullDiskDoes() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        Campaign campaign = campaign(spec(1, 1, READY), fake.client()).finishingWith((ran, journal) -> {
            throw new IOException("cannot write wire.json: No space left on device");
        });
        IOException stopped = assertThrows(IOException.class, campaign::run);

        assertTrue(stopped.getMessage().startsWith("cannot write wire.json: No space left on device; the campaign stopped: "
                + "the journal holds 1 boots and 1 rounds"), stopped.getMessage());
        assertEquals(List.of("campaign", "flash", "boot", "round", "end"), types());
        assertEquals("run folder full or unwritable: cannot write wire.json: No space left on device",
                last("end").get("aborted").asText());
    }

    @Test
    void alternatingResetsTakeTurnsAfterThePowerOn() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        CampaignResult result = campaign(spec(4, 1, READY), fake.client()).alternatingResets().run();

        assertEquals(List.of(ResetKind.HARD, ResetKind.SOFT, ResetKind.HARD, ResetKind.SOFT), resets(result));
        assertEquals(List.of("flash fake", "power off", "power on", "reboot", "power off", "power on", "reboot"), fake.actions());
        assertEquals("mixed", result.resets());
    }

    @Test
    void roundsArePacedByTheClockWithoutWaitingForIt() throws Exception {
        fake = FakeBoard.builder(run, clock).build();
        ScriptedRoundClient client = fake.client().eachRoundTaking(Duration.ofSeconds(2));
        CampaignSpec paced = new CampaignSpec(1, 3, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html"), 1,
                READY, Duration.ofSeconds(10), Duration.ofSeconds(10));
        CampaignResult result = campaign(paced, client).run();

        assertEquals(List.of(Duration.ofSeconds(8), Duration.ofSeconds(8)), clock.sleeps());
        List<Instant> starts = result.rounds().stream().map(RoundRecord::start).toList();
        assertEquals(Duration.ofSeconds(10), Duration.between(starts.get(0), starts.get(1)));
        assertEquals(Duration.ofSeconds(10), Duration.between(starts.get(1), starts.get(2)));
    }

    private Campaign campaign(CampaignSpec spec, RoundClient client) {
        return new Campaign(spec, fake.board(), fake.image(), client, run, events).timedBy(clock);
    }

    private static CampaignSpec spec(int boots, int rounds, Duration readyTimeout) {
        return new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                1, readyTimeout, Duration.ofSeconds(10));
    }

    private static List<ResetKind> resets(CampaignResult result) {
        return result.boots().stream().map(BootRecord::reset).toList();
    }

    private List<JsonNode> journal() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(run.journal())) {
            records.add(Json.mapper().readTree(line));
        }
        return records;
    }

    /** The loop's records; the journal's own storage records (a run's chains, its console) are another concern. */
    private List<String> types() throws IOException {
        return journal().stream().map(r -> r.get("type").asText())
                .filter(type -> !type.equals("chain") && !type.equals("console")).toList();
    }

    /** The data of the last record of this type. */
    private JsonNode last(String type) throws IOException {
        List<JsonNode> records = journal().stream().filter(r -> r.get("type").asText().equals(type)).toList();
        return records.get(records.size() - 1).get("data");
    }

    /** What the campaign told its listener, in order. */
    private static final class Events implements CampaignListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void flashed(String image) {
            seen.add("flashed " + image);
        }

        @Override
        public void bootDone(BootRecord boot) {
            seen.add("boot " + boot.boot());
        }

        @Override
        public void roundDone(RoundRecord round) {
            seen.add("round " + round.boot() + "." + round.round());
        }

        @Override
        public void watchdogTripped(int boot, int round, String reason, String action) {
            seen.add("watchdog " + boot + "." + round + ": " + action);
        }

        @Override
        public void bootCrashed(CrashRecord crash) {
            seen.add("crashed " + crash.boot() + "." + crash.round() + ": " + crash.reason());
        }

        @Override
        public void campaignEndedEarly(String reason) {
            seen.add("ended early: " + reason);
        }

        @Override
        public void campaignDone(CampaignResult result) {
            seen.add("done");
        }
    }
}
