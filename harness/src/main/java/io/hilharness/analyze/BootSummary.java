package io.hilharness.analyze;

import java.util.Map;

/**
 * Counts for one boot of the board.
 *
 * @param boot      boot number (0: lines before any boot banner)
 * @param crashed   a death pattern (panic, hard fault, watchdog, assert) was seen
 * @param crashLine the first such line, or null
 * @param lines     log lines in this boot
 * @param outcomes  number of sessions per outcome
 * @param events    number of events per event type (only types that occurred)
 */
public record BootSummary(int boot, boolean crashed, String crashLine, long lines,
                          Map<SessionOutcome, Long> outcomes, Map<String, Long> events) {
    public BootSummary {
        outcomes = Map.copyOf(outcomes);
        events = Map.copyOf(events);
    }
}
