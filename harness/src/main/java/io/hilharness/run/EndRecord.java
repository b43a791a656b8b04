package io.hilharness.run;

import java.time.Instant;

/**
 * The journal's last record; a killed run has none.
 *
 * @param deadline set when the campaign ran until a time (a soak)
 * @param boots    set with a deadline: the boots it ran, fewer than the spec's bound
 * @param stopped  who stopped the run early (an operator's signal), or null
 * @param aborted  why the campaign ended early (a board that did not come back, a full disk), or null
 */
public record EndRecord(Instant at, Boolean passed, Instant deadline, Integer boots, String stopped, String aborted) {
}
