package io.hilharness.cli;

import io.hilharness.report.BootRoundsSummary;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same image and spec fetched by several clients, one column pair per client and one row per
 * boot: a library client and a browser failing differently on the same board is the finding.
 */
final class ClientComparison {
    private ClientComparison() {
    }

    /** @param byClient client label to its campaign, in column order */
    static String render(Map<String, CampaignResult> byClient) {
        StringBuilder out = new StringBuilder("Clients side by side (rounds ok, failed connections by class)\n");
        int ok = byClient.keySet().stream().mapToInt(String::length).max().orElse(0) + " ok".length();
        String cell = " | %-" + ok + "s %-32s";
        StringBuilder header = new StringBuilder(String.format("%-5s", "boot"));
        byClient.keySet().forEach(client -> header.append(String.format(cell, client + " ok", client + " failures")));
        out.append(header.toString().stripTrailing()).append('\n');
        Map<String, List<BootRoundsSummary>> summaries = byClient.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> SummaryTable.summaries(e.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
        int boots = summaries.values().stream().mapToInt(List::size).max().orElse(0);
        for (int b = 0; b < boots; b++) {
            StringBuilder row = new StringBuilder(String.format("%-5d", b + 1));
            for (List<BootRoundsSummary> column : summaries.values()) {
                BootRoundsSummary s = b < column.size() ? column.get(b) : null;
                row.append(String.format(cell, s == null ? "-" : s.roundsOk() + "/" + s.rounds(), failures(s)));
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        StringBuilder total = new StringBuilder(String.format("%-5s", "total"));
        byClient.values().forEach(result -> total.append(String.format(cell,
                result.rounds().stream().filter(RoundRecord::ok).count() + "/"
                        + (long) result.spec().boots() * result.spec().rounds(), "")));
        out.append(total.toString().stripTrailing()).append('\n');
        return out.toString();
    }

    private static String failures(BootRoundsSummary s) {
        if (s == null) {
            return "-";
        }
        if (s.bootFailure() != null) {
            return "BOOT FAILED";
        }
        return s.failures().isEmpty() ? "-" : s.failures().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
