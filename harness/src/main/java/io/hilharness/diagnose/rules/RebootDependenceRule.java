package io.hilharness.diagnose.rules;

import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import io.hilharness.run.BootRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reboot dependence in general: some boots fail much more often than others, more than chance
 * explains. Tested with Fisher's exact test of the worst boot against the best, Bonferroni-corrected
 * for the k(k-1)/2 pairs one could have picked (exact even for the small counts of a bench campaign);
 * the chi-square test of all boots together is reported alongside.
 */
public final class RebootDependenceRule implements DiagnosisRule {
    /** Significance of the corrected worst-versus-best test. */
    public static final double ALPHA = 0.01;

    private record BootCounts(int boot, long failed, long total) {
        double rate() {
            return (double) failed / total;
        }
    }

    @Override
    public String name() {
        return "reboot-dependence";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<BootCounts> boots = new ArrayList<>();
        for (BootRecord b : evidence.readyBoots()) {
            List<ConnectionFacts> mine = evidence.ofBoot(b.boot());
            if (!mine.isEmpty()) {
                boots.add(new BootCounts(b.boot(), mine.stream().filter(ConnectionFacts::failed).count(), mine.size()));
            }
        }
        if (boots.size() < 2) {
            return List.of();
        }
        BootCounts worst = boots.stream().max((x, y) -> Double.compare(x.rate(), y.rate())).orElseThrow();
        BootCounts best = boots.stream().min((x, y) -> Double.compare(x.rate(), y.rate())).orElseThrow();
        int k = boots.size();
        double raw = Statistics.fisherExactTwoSided(worst.failed(), worst.total() - worst.failed(),
                best.failed(), best.total() - best.failed());
        double p = Math.min(1.0, raw * k * (k - 1) / 2.0);
        if (p >= ALPHA) {
            return List.of();
        }
        Statistics.ChiSquare chi = Statistics.chiSquareHomogeneity(
                boots.stream().mapToLong(BootCounts::failed).toArray(),
                boots.stream().mapToLong(b -> b.total() - b.failed()).toArray());

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("failures per boot", boots.stream().map(b -> "boot " + b.boot() + ": " + b.failed() + "/" + b.total())
                .collect(Collectors.joining(", ")));
        facts.put("Fisher exact test, worst vs best boot (two-sided, Bonferroni x" + (k * (k - 1) / 2) + ")",
                "p = " + Statistics.formatP(p));
        facts.put("chi-square test, all boots", String.format(java.util.Locale.ROOT, "X2 = %.1f, df = %d, p = %s",
                chi.statistic(), chi.degreesOfFreedom(), Statistics.formatP(chi.p())));
        long badBoots = boots.stream().filter(b -> b.rate() > 0.5).count();
        String rootCause = "Whether the board works depends on the boot: boot " + worst.boot() + " failed " + worst.failed()
                + " of " + worst.total() + " connections, boot " + best.boot() + " " + best.failed() + " of " + best.total()
                + " (Fisher exact p = " + Statistics.formatP(p) + "; " + badBoots + " of " + k
                + " boots failed most connections), so something decided at start-up sets the outcome.";
        List<EvidenceItem> items = new ArrayList<>();
        evidence.ofBoot(worst.boot()).stream().filter(ConnectionFacts::failed).findFirst().ifPresent(c -> items.add(
                EvidenceItem.of(c, "first failure of boot " + worst.boot() + ", the worst boot", c.troubleLines(3))));
        evidence.ofBoot(best.boot()).stream().findFirst().ifPresent(c -> items.add(
                EvidenceItem.of(c, "first connection of boot " + best.boot() + ", the best boot", c.troubleLines(3))));
        String fix = "Compare the boot banners and first log lines of good and bad boots: look for start-up work whose "
                + "result varies per boot (initialisation order between tasks, uninitialised memory, RNG seeding, state "
                + "kept in NVRAM or flash across resets) and make it deterministic.";
        return List.of(new Finding(name(), rootCause, 0.6 + 0.1 * Math.min(1, -Math.log10(p) / 10), facts, items, fix));
    }
}
