package io.hilharness.report;

import java.util.List;

/**
 * One conclusion about a run for the report's findings section, e.g. "the board runs out of heap
 * after about 40 connections". Produced by a diagnosis step; the report only renders it (escaped).
 *
 * @param confidence a short label such as "high", "medium" or "low"
 * @param evidence   the lines that support it, e.g. device log lines with their capture offsets
 */
public record Finding(String title, String confidence, List<String> evidence) {
    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
