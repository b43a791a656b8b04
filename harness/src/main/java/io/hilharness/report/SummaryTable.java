package io.hilharness.report;

import io.hilharness.board.ResetKind;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.util.List;
import java.util.stream.Collectors;

/** The per-boot summary table printed at the end of a campaign and saved as summary.txt. */
public final class SummaryTable {
    /** What the handshake columns measure, under the table. */
    static final String HANDSHAKE_NOTE = "handshake p50/p95: completed handshakes only; handshakes incomplete: failed "
            + "(rejected chain, server alert, reset) and timed out, not in the percentiles";

    private SummaryTable() {
    }

    public static List<BootRoundsSummary> summaries(CampaignResult result) {
        return result.boots().stream().map(boot -> BootRoundsSummary.of(boot,
                result.rounds().stream().filter(r -> r.boot() == boot.boot()).toList())).toList();
    }

    public static String render(CampaignResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Campaign ").append(result.image()).append(" on ").append(result.board())
                .append(": ").append(result.spec().boots()).append(" boots x ").append(result.spec().rounds())
                .append(" rounds, ").append(result.spec().mode().name().toLowerCase()).append(" fetches, ")
                .append(resetPhrase(result)).append("\n");
        String format = "%-5s %-6s %-7s %-9s %-7s %-5s %-13s %-13s %-21s %s%n";
        out.append(String.format(format, "boot", "reset", "device", "ready ms", "rounds", "ok", "handshake p50",
                "handshake p95", "handshakes incomplete", "failures by class"));
        for (BootRoundsSummary s : summaries(result)) {
            String failures = s.bootFailure() != null ? "BOOT FAILED: " + s.bootFailure()
                    : s.failures().isEmpty() ? "-"
                    : s.failures().entrySet().stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                            .collect(Collectors.joining(", "));
            out.append(String.format(format, s.boot(), s.reset(), orDash(s.deviceBoot()), orDash(s.readyMs()),
                    s.rounds(), s.roundsOk(), ms(s.handshakeP50Ms()), ms(s.handshakeP95Ms()), s.handshakesNotCompleted(),
                    failures));
        }
        long ok = result.rounds().stream().filter(RoundRecord::ok).count();
        out.append(String.format("total: %d of %d rounds ok%n", ok, (long) result.spec().boots() * result.spec().rounds()));
        out.append(HANDSHAKE_NOTE).append('\n');
        return out.toString();
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String ms(Long value) {
        return value == null ? "-" : value + " ms";
    }

    /** "soft reset", "hard reset", or, when both were done, "soft and hard resets (6 soft, 7 hard)". */
    static String resetPhrase(CampaignResult result) {
        String resets = result.resets();
        return resets.equals("mixed")
                ? "soft and hard resets (" + result.resetsDone(ResetKind.SOFT) + " soft, " + result.resetsDone(ResetKind.HARD) + " hard)"
                : resets + " reset";
    }
}
