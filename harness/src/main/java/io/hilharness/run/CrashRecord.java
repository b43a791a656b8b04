package io.hilharness.run;

import io.hilharness.crash.DecodedCrash;
import java.time.Instant;
import java.util.List;

/**
 * The board died during a boot: that boot ends here and the campaign goes on with the next one.
 *
 * @param round      the round in flight when it died
 * @param reason     one line: the failed assertion, fault or panic, or how the board's process ended
 * @param location   where it died (decoded function at file:line, an assertion's file:line, or a raw
 *                   address); null when the board printed none of these
 * @param connection the connection whose request the board was serving as it died (its device lines
 *                   hold the death line); null when no connection's did
 * @param port       that connection's client port
 * @param exit       how the board's process ended by itself (reference board), e.g. "killed by signal 6
 *                   (SIGABRT)"; null for a board that printed its death and rebooted
 * @param decoded    the death report with its addresses, decoded when the image names its ELF; null
 *                   when the board printed no death lines
 * @param lastLines  the last console lines before the death was noticed
 */
public record CrashRecord(int boot, int round, Instant at, String reason, String location, String connection,
                          Integer port, String exit, DecodedCrash decoded, List<String> lastLines) {
    public CrashRecord {
        lastLines = lastLines == null ? List.of() : List.copyOf(lastLines);
    }
}
