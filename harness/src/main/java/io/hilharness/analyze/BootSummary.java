package io.hilharness.analyze;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
        // Copies that keep their order (outcomes in declaration order, events as given): the same log
        // gives the same report, byte for byte, to diff against.
        EnumMap<SessionOutcome, Long> byOutcome = new EnumMap<>(SessionOutcome.class);
        byOutcome.putAll(outcomes);
        outcomes = Collections.unmodifiableMap(byOutcome);
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }
}
