package io.hilharness.campaign;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.HttpsDriver;
import io.hilharness.client.Outcome;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import io.hilharness.correlate.Correlation;
import io.hilharness.correlate.Correlator;
import io.hilharness.correlate.DeviceEventLog;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.LogFormat;
import io.hilharness.devlog.LogFormats;
import io.hilharness.image.FirmwareImage;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.CrashRecord;
import io.hilharness.run.Journal;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flash once, then for each boot: reset, wait for the ready line, run the rounds, journal each round
 * before the next. A boot that never gets ready is recorded and the campaign goes on with the next
 * reset: the failure is evidence, not a crash. A board that dies during a round (a death line, or its
 * process ended by itself) ends that boot as crashed; the next boot starts from a power cycle.
 */
public final class Campaign {
    /** How long the board may take to log the end of a session after the client is done with it. */
    private static final Duration SESSION_END_GRACE = Duration.ofSeconds(5);

    private final CampaignSpec spec;
    private final Board board;
    private final FirmwareImage image;
    private final RoundClient driver;
    private final RunFolder run;
    private final CampaignListener listener;
    private final DeviceEventLog deviceLog = new DeviceEventLog();
    private final Correlator correlator = Correlator.withDefaults();
    private LogFormat logFormat;
    private Path elf;
    private long roundMark;
    /** The last round's connections on this boot: their late lines may still arrive during the next round. */
    private List<ConnectionRecord> lastRoundClients = List.of();
    private CrashWatch crashes;
    private boolean lastResetFailed;
    private Instant deadline;
    private boolean alternateResets;
    private boolean keepPassedEvidence = true;
    private FinishingStep finishing = FinishingStep.NONE;
    private StopRequest stop = StopRequest.never();
    private CampaignClock clock = CampaignClock.system();

    public Campaign(CampaignSpec spec, Board board, FirmwareImage image, HttpsDriver driver, RunFolder run,
                    CampaignListener listener) {
        this(spec, board, image, (RoundClient) driver::runRound, run, listener);
    }

    /** A campaign whose rounds another client fetches, e.g. a real browser. */
    public Campaign(CampaignSpec spec, Board board, FirmwareImage image, RoundClient driver, RunFolder run,
                    CampaignListener listener) {
        this.spec = spec;
        this.board = board;
        this.image = image;
        this.driver = driver;
        this.run = run;
        this.listener = listener;
    }

    /** Parses the board's log with this format instead of the one the image manifest names (a lab's own format). */
    public Campaign parsingWith(LogFormat format) {
        this.logFormat = format;
        return this;
    }

    /** Decodes crash addresses with this ELF file instead of the one the image manifest names (a lab's own). */
    public Campaign decodingWith(Path elf) {
        this.elf = elf;
        return this;
    }

    /**
     * Starts no new boot after {@code deadline} (a soak runs for a time, not a count): the boot in
     * flight finishes all its rounds, so every boot run is complete. {@code spec.boots()} stays the
     * upper bound; the end record says how many boots ran.
     */
    public Campaign endingAt(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    /** Resets between boots alternate soft and hard (power cycle), starting with the spec's kind. */
    public Campaign alternatingResets() {
        this.alternateResets = true;
        return this;
    }

    /**
     * Keeps the device events and server chains of passed rounds only in the journal, not in memory.
     * A round's evidence is hundreds of events (some 200 KB), so a campaign of thousands of rounds would
     * otherwise hold hundreds of MB until its end; whoever uses this builds the reports from the
     * journal. Rounds that did not pass keep theirs for the diagnosis.
     */
    public Campaign forgettingPassedRoundEvidence() {
        this.keepPassedEvidence = false;
        return this;
    }

    /** Runs {@code step} after the last round and before the end record (see {@link FinishingStep}). */
    public Campaign finishingWith(FinishingStep step) {
        this.finishing = step;
        return this;
    }

    /** Ends the campaign after the round in flight once {@code stop} has a reason; the end record keeps it. */
    public Campaign stoppingOn(StopRequest stop) {
        this.stop = stop;
        return this;
    }

    /** Takes timestamps, the deadline and the pacing from {@code clock} instead of the wall clock. */
    public Campaign timedBy(CampaignClock clock) {
        this.clock = clock;
        return this;
    }

    public CampaignResult run() throws BoardException, IOException, InterruptedException {
        List<BootRecord> boots = new ArrayList<>();
        List<RoundRecord> rounds = new ArrayList<>();
        Console console = board.console();
        // The parser is confined to the console's reader thread, which delivers lines in order.
        DeviceLogParser parser = new DeviceLogParser(logFormat != null ? logFormat : LogFormats.byName(image.manifest().logFormat()));
        console.addListener(line -> deviceLog.addAll(parser.accept(line)));
        try (Journal journal = Journal.referencing(run, parser.format().name())) {
            journal.append("campaign", header());
            board.flasher().flash(image);
            journal.append("flash", Map.of("image", image.name(), "at", clock.now()));
            listener.flashed(image.name());
            CampaignResult result;
            try {
                String aborted = runBoots(journal, boots, rounds);
                // A campaign that ran for a time is reported as the boots it ran, not as the upper bound;
                // also when it was stopped or aborted before its deadline.
                boolean timed = deadline != null;
                CampaignSpec ran = timed && boots.size() < spec.boots() ? spec.withBoots(Math.max(1, boots.size())) : spec;
                result = new CampaignResult(image.name(), board.name(), run.dir(), ran, boots, rounds);
                finishing.finish(result, journal);
                Map<String, Object> end = new LinkedHashMap<>(Map.of("at", clock.now(), "passed", result.allPassed()));
                if (timed) {
                    end.put("deadline", deadline);
                    end.put("boots", boots.size());
                }
                stop.reason().ifPresent(why -> end.put("stopped", why));
                if (aborted != null) {
                    end.put("aborted", aborted);
                }
                journal.append("end", end);
                if (aborted != null) {
                    listener.campaignEndedEarly(aborted);
                }
            } catch (IOException storage) {
                throw stoppedByStorage(journal, storage, boots, rounds);
            }
            listener.campaignDone(result);
            return result;
        }
    }

    /** The boots and their rounds; returns why the campaign ended early, or null. */
    private String runBoots(Journal journal, List<BootRecord> boots, List<RoundRecord> rounds)
            throws BoardException, IOException, InterruptedException {
        boolean watchdogTripped = false;
        boolean crashed = false;
        crashes = new CrashWatch(board, elf != null ? elf : image.elfFile().orElse(null));
        for (int b = 1; b <= spec.boots() && !stopRequested() && !pastDeadline(); b++) {
            BootRecord boot = boot(b, watchdogTripped || crashed);
            crashed = false;
            journal.append("boot", boot);
            boots.add(boot);
            checkCapture();
            listener.bootDone(boot);
            if (!boot.ready()) {
                if (watchdogTripped) {
                    // A power cycle is the last resort: a board that does not come back from it
                    // will not come back from the next reset either.
                    return "board did not come back after a watchdog power cycle: " + boot.failure();
                }
                // A reset that could not even be done (its console vanished) needs the power switch next.
                watchdogTripped = lastResetFailed && board.power().isPresent();
                crashed = boot.crashed();
                if (crashed) {
                    listener.bootCrashed(boot.crash());
                }
                continue;
            }
            watchdogTripped = false;
            for (int r = 1; r <= spec.rounds() && !stopRequested(); r++) {
                if (r > 1) {
                    paceAfter(rounds.get(rounds.size() - 1).start());
                }
                RoundRecord round = round(b, r);
                // The round's record refers to console.raw's bytes: they reach the disk first.
                board.console().syncCapture();
                journal.append("round", round);
                checkCapture();
                rounds.add(keepPassedEvidence || !round.ok() ? round : round.withoutBulkyEvidence());
                listener.roundDone(round);
                Optional<CrashRecord> crash = crashes.check(round, deviceLog.since(roundMark), clock.now());
                if (crash.isPresent()) {
                    // The boot ends with its crash; the next one starts from a power cycle, as after a hang.
                    journal.append("crash", crash.get());
                    boots.set(boots.size() - 1, boot.withCrash(crash.get()));
                    listener.bootCrashed(crash.get());
                    crashed = true;
                    break;
                }
                if (round.allTimedOut()) {
                    watchdogTripped = true;
                    Map<String, Object> watchdog = watchdogRecord(b, r);
                    journal.append("watchdog", watchdog);
                    listener.watchdogTripped(b, r, (String) watchdog.get("reason"), (String) watchdog.get("action"));
                    break;
                }
            }
        }
        return null;
    }

    /** Writing the console capture failed (disk full): the run's evidence would have gaps from here on. */
    private void checkCapture() throws IOException {
        Optional<IOException> failed = board.console().captureError();
        if (failed.isPresent()) {
            throw new IOException("cannot write the console capture " + board.console().rawCaptureFile() + ": "
                    + RunFolder.why(failed.get()), failed.get());
        }
    }

    /**
     * The run folder cannot take more (disk full): the campaign stops here, since every further round
     * would be evidence lost. The journal keeps every record it completed; an end record saying why
     * is attempted (it is small and may still fit). The reports are left to {@code hil report}.
     */
    private IOException stoppedByStorage(Journal journal, IOException cause, List<BootRecord> boots, List<RoundRecord> rounds) {
        String why = cause.getMessage();
        try {
            journal.append("end", Map.of("at", clock.now(), "passed", false, "aborted", "run folder full or unwritable: " + why));
        } catch (IOException endFailed) {
            cause.addSuppressed(endFailed);
        }
        return new IOException(why + "; the campaign stopped: the journal holds " + boots.size() + " boots and "
                + rounds.size() + " rounds (hil report " + run.dir() + " rebuilds the reports once there is space)", cause);
    }

    private boolean pastDeadline() {
        return deadline != null && !clock.now().isBefore(deadline);
    }

    private boolean stopRequested() {
        return stop.reason().isPresent();
    }

    private Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("image", image.name());
        header.put("board", board.name());
        header.put("endpoint", board.endpoint().getHostString() + ":" + board.endpoint().getPort());
        header.put("spec", spec);
        header.put("started", clock.now());
        return header;
    }

    /**
     * The watchdog's verdict on a round that answered nothing: the board hangs, more rounds in this
     * boot would only time out too, so the boot ends here and the next one starts with a power cycle.
     */
    private Map<String, Object> watchdogRecord(int boot, int round) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("boot", boot);
        record.put("round", round);
        record.put("at", clock.now());
        record.put("reason", "every connection of the round timed out: the board hangs");
        record.put("action", board.power().isPresent() ? "power cycle before the next boot"
                : spec.reset().name().toLowerCase() + " reset before the next boot (no power switch)");
        return record;
    }

    /**
     * The first boot after flashing is a power-on, as on a bench after programming; so is the boot
     * after the watchdog found the board hung, or after it crashed.
     */
    private BootRecord boot(int boot, boolean afterWatchdog) throws BoardException, InterruptedException {
        ResetKind kind = (boot == 1 || afterWatchdog) && board.power().isPresent() ? ResetKind.HARD : resetBefore(boot);
        Resetter resetter = board.resetter(kind);
        Console console = board.console();
        long mark = console.lastSeq();
        deviceLog.forgetThrough(mark);
        lastRoundClients = List.of();
        Instant resetAt = clock.now();
        lastResetFailed = false;
        try {
            resetter.reset();
        } catch (BoardException e) {
            lastResetFailed = true;
            return new BootRecord(boot, kind, resetAt, null, null, null, "reset failed: " + e.getMessage());
        }
        Optional<ConsoleLine> ready = console.awaitLine(board.readyPattern(), mark, spec.readyTimeout());
        Optional<DeviceEvent> banner = deviceLog.since(mark).stream().filter(e -> e.type() == EventType.BOOT)
                .reduce((first, second) -> second);
        Integer deviceBoot = banner.map(DeviceEvent::boot).orElse(null);
        String cause = banner.map(DeviceEvent::detail).orElse(null);
        if (ready.isEmpty()) {
            String last = console.tail(5).stream().map(ConsoleLine::text).collect(Collectors.joining(" | "));
            Optional<CrashRecord> crash = crashes.checkBoot(boot, deviceLog.since(mark), clock.now());
            String why = crash.map(k -> "crashed before its ready line: " + k.reason()
                    + (k.location() == null ? "" : " (" + k.location() + ")"))
                    .orElse("no ready line within " + spec.readyTimeout().toSeconds() + " s");
            return new BootRecord(boot, kind, resetAt, deviceBoot, cause, null, why + "; last console lines: " + last,
                    crash.orElse(null));
        }
        long readyMs = Duration.between(resetAt, ready.get().hostTime()).toMillis();
        return new BootRecord(boot, kind, resetAt, deviceBoot, cause, readyMs, null);
    }

    private ResetKind resetBefore(int boot) {
        if (!alternateResets || boot % 2 == 0) {
            return spec.reset();
        }
        return spec.reset() == ResetKind.SOFT ? ResetKind.HARD : ResetKind.SOFT;
    }

    /**
     * Keeps rounds at least {@code roundInterval} apart. This is pacing, a rate like a user reloading a
     * page, not a wait for an event: nothing on the board is awaited here.
     */
    private void paceAfter(Instant previousStart) throws InterruptedException {
        Duration remaining = Duration.between(clock.now(), previousStart.plus(spec.roundInterval()));
        if (remaining.compareTo(Duration.ZERO) > 0) {
            clock.sleep(remaining);
        }
    }

    private RoundRecord round(int boot, int round) throws InterruptedException {
        // A console that is away (a console server restarting between boots) would lose the round's lines:
        // the round waits for it to be back, as long as a reconnect may take. If it is not, the round goes on
        // and its missing board lines are the recorded outcome.
        if (!board.console().isConnected()) {
            board.console().awaitConnected(Console.RECONNECT_WAIT);
        }
        long mark = board.console().lastSeq();
        roundMark = mark;
        // Earlier events are journaled already; keeping them would grow the heap with every round.
        deviceLog.forgetThrough(mark);
        Instant start = clock.now();
        List<ConnectionRecord> clients = new ArrayList<>();
        int n = 1;
        for (ConnectionRecord record : driver.runRound(spec.roundRequests())) {
            clients.add(record.withContext(boot, round, "b" + boot + "r" + round + "c" + n++));
        }
        List<Integer> boardSawThem = clients.stream()
                .filter(c -> c.localPort() > 0 && c.outcome() != Outcome.REFUSED)
                .map(ConnectionRecord::localPort).toList();
        Set<Integer> withoutEnd = deviceLog.awaitSessionsEnded(boardSawThem, mark, SESSION_END_GRACE);
        Correlation correlation = correlator.correlate(clients, deviceLog.since(mark), lastRoundClients);
        lastRoundClients = clients;
        return new RoundRecord(boot, round, start, clock.now(), correlation.connections(),
                correlation.unmatchedDevice(), withoutEnd);
    }
}
