package io.hilharness.crash;

import java.util.List;

/**
 * What a board printed when it died, read from its console lines.
 *
 * @param kind       {@code assertion}, {@code abort}, {@code hard fault}, {@code panic} or {@code crash}
 *                   (a death line of no format we read further)
 * @param reason     one line: the failed assertion, the fault or panic cause
 * @param assertedAt {@code function at file:line} (or {@code file:line}) as an assertion message names it; null otherwise
 * @param addresses  code addresses in the report, most telling first (PC, then LR, then the backtrace)
 * @param lines      the report's console lines, from the death line on
 */
public record DeathReport(String kind, String reason, String assertedAt, List<CodeAddress> addresses,
                          List<String> lines) {
    public DeathReport {
        addresses = List.copyOf(addresses);
        lines = List.copyOf(lines);
    }
}
