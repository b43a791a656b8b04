package io.hilharness.campaign;

import io.hilharness.board.Board;
import io.hilharness.board.PowerSwitch;
import io.hilharness.console.ConsoleLine;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.crash.DeathReports;
import io.hilharness.crash.DecodedCrash;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.run.CrashRecord;
import io.hilharness.run.RoundRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notices that the board died during a round: it printed a death line (an assertion, a fault, a
 * panic), or its process ended by itself. What it printed is decoded against the image's ELF file
 * here, while the ELF is at hand, so the journal keeps the decoded location for every later reader.
 */
final class CrashWatch {
    private static final int LAST_LINES = 10;

    private final Board board;
    private final Path elf;

    /** @param elf the image's ELF file with debug information; null leaves the addresses raw */
    CrashWatch(Board board, Path elf) {
        this.board = board;
        this.elf = elf;
    }

    /**
     * @param events the board's lines of the round (since its start)
     * @return how the board died during the round; empty when it did not
     */
    Optional<CrashRecord> check(RoundRecord round, List<DeviceEvent> events, Instant at) {
        return check(round.boot(), round.round(), round.connections(), events, at);
    }

    /** How the board died before its ready line (round 0); empty when nothing says it did. */
    Optional<CrashRecord> checkBoot(int boot, List<DeviceEvent> events, Instant at) {
        return check(boot, 0, List.of(), events, at);
    }

    private Optional<CrashRecord> check(int boot, int round, List<CorrelatedConnection> connections,
                                        List<DeviceEvent> events, Instant at) {
        Optional<String> exit = board.power().flatMap(PowerSwitch::diedByItself);
        int deathAt = -1;
        for (int i = 0; i < events.size() && deathAt < 0; i++) {
            deathAt = events.get(i).type() == EventType.CRASH ? i : -1;
        }
        if (deathAt < 0 && exit.isEmpty()) {
            return Optional.empty();
        }
        List<String> lastLines = board.console().tail(LAST_LINES).stream().map(ConsoleLine::text).toList();
        DecodedCrash decoded = null;
        String reason = "the board's process " + exit.orElse("ended") + " without printing why";
        String location = null;
        if (deathAt >= 0) {
            // The report ends where a board that restarts by itself prints its next banner.
            int end = deathAt + 1;
            while (end < events.size() && events.get(end).type() != EventType.BOOT) {
                end++;
            }
            decoded = DeathReports.read(events.subList(deathAt, end).stream().map(DeviceEvent::raw).toList())
                    .map(report -> DecodedCrash.of(report, elf)).orElseThrow();
            reason = decoded.report().reason();
            location = decoded.location();
        }
        Optional<CorrelatedConnection> trigger = connections.stream()
                .filter(c -> c.device().stream().anyMatch(e -> e.type() == EventType.CRASH)).findFirst();
        return Optional.of(new CrashRecord(boot, round, at, reason, location,
                trigger.map(c -> c.client().id()).orElse(null), trigger.map(c -> c.client().localPort()).orElse(null),
                exit.orElse(null), decoded, lastLines));
    }
}
