package io.hilharness.report;

import io.hilharness.client.Outcome;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RoundRecord;
import io.hilharness.secrets.KeyRedaction;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * report.html: one self-contained page per run (inline CSS and SVG, no script, no external
 * resource) with the summary, the findings, the charts and the per-connection drill-down
 * ({@link ConnectionDrillDown}). All text goes through
 * {@link Html#text}; a Content-Security-Policy forbids scripts as a second line of defence.
 */
public final class HtmlReport {
    /**
     * Passed connections shown line by line, from the first: a sample of what passing looks like.
     * The others are counted; what a reader looks for are the failed ones, always shown whole. Whoever
     * thins a long run's rounds in memory keeps these whole.
     */
    public static final int PASSED_IN_DETAIL = 4;
    /** Boots with every round passed that get a timeline; a boot with any failure always gets one. */
    static final int PASSING_BOOTS_DRAWN = 3;
    /** Bars of the index-since-boot chart before indexes are grouped into ranges. */
    static final int MAX_INDEX_BARS = 40;

    private HtmlReport() {
    }

    /**
     * Writes the page to {@code out} a part at a time (each boot's chart, each round's connections):
     * a run with many failures makes a large page, which a small heap should not hold whole.
     */
    public static void write(CampaignResult result, List<String> notes, List<ReportedFinding> findings, Writer out) throws IOException {
        List<ConnectionPlacement> placements = ConnectionPlacement.of(result.rounds());
        StringBuilder html = new StringBuilder(1 << 16);
        String title = "hil report: " + result.image() + " on " + result.board();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
                .append("<title>").append(Html.text(title)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>").append(Html.text(title)).append("</h1>\n");
        Drain drain = () -> {
            out.append(html);
            html.setLength(0);
        };
        header(html, result, notes);
        summary(html, result);
        findings(html, findings);
        drain.drain();
        charts(html, result, placements, drain);
        ConnectionDrillDown.render(html, result, placements, PASSED_IN_DETAIL, drain);
        out.append(html.append("</body></html>\n"));
        out.flush();
    }

    /** Moves what the page's builder holds so far to where the page goes. */
    interface Drain {
        void drain() throws IOException;
    }

    private static void header(StringBuilder html, CampaignResult result, List<String> notes) {
        boolean passed = result.allPassed();
        html.append("<p><span class=\"verdict ").append(passed ? "pass" : "fail").append("\">")
                .append(passed ? "PASSED" : "FAILED").append("</span> ")
                .append(Html.text(result.spec().boots() + " boots x " + result.spec().rounds() + " rounds, "
                        + result.spec().mode().name().toLowerCase() + " fetches of " + String.join(" ", result.spec().paths())
                        + ", " + SummaryTable.resetPhrase(result)))
                .append("<br/><span class=\"muted\">run folder ").append(Html.text(result.runDir()))
                .append("; evidence: journal.jsonl, console.raw (every console byte; device lines below give their byte offset in it)</span></p>\n");
        if (!notes.isEmpty()) {
            html.append("<ul class=\"notes\">");
            notes.forEach(n -> html.append("<li>").append(Html.text(n)).append("</li>"));
            html.append("</ul>\n");
        }
    }

    private static void summary(StringBuilder html, CampaignResult result) {
        html.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"grid\"><tr><th>boot</th><th>reset</th><th>device boot</th>"
                + "<th>ready ms</th><th>rounds</th><th>ok</th><th>connections</th><th>handshake p50</th>"
                + "<th>handshake p95</th><th>handshakes incomplete</th><th>failures by class</th></tr>\n");
        for (BootRoundsSummary s : SummaryTable.summaries(result)) {
            String failures = s.bootFailure() != null ? "BOOT FAILED: " + s.bootFailure()
                    : s.failures().isEmpty() ? "-" : s.failures().entrySet().stream()
                    .map(e -> OutcomeColors.label(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            html.append("<tr>");
            for (Object cell : List.of(s.boot(), s.reset(), dash(s.deviceBoot()), dash(s.readyMs()), s.rounds(),
                    s.roundsOk(), s.connections(), ms(s.handshakeP50Ms()), ms(s.handshakeP95Ms()), s.handshakesNotCompleted(), failures)) {
                html.append("<td>").append(Html.text(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        long ok = result.rounds().stream().filter(RoundRecord::ok).count();
        html.append("</table>\n<p>").append(ok).append(" of ").append((long) result.spec().boots() * result.spec().rounds())
                .append(" rounds ok; ").append(Html.text(SummaryTable.HANDSHAKE_NOTE)).append("</p>\n");
    }

    // ---- Findings: filled by the diagnosis (see ReportedFinding); rendered here, escaped. ----
    private static void findings(StringBuilder html, List<ReportedFinding> findings) {
        html.append("<h2 id=\"findings\">Findings</h2>\n<!-- findings: one <section class=\"finding\"> per finding -->\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"muted\">No findings.</p>\n");
            return;
        }
        for (ReportedFinding f : findings) {
            html.append("<section class=\"finding\"><h3>").append(Html.text(f.title()))
                    .append(" <span class=\"confidence\">confidence: ").append(Html.text(f.confidence())).append("</span></h3>");
            if (!f.evidence().isEmpty()) {
                html.append("<pre class=\"evidence\">");
                KeyRedaction.lines(f.evidence()).forEach(line -> html.append(Html.text(line)).append('\n'));
                html.append("</pre>");
            }
            html.append("</section>\n");
        }
    }

    private static void charts(StringBuilder html, CampaignResult result, List<ConnectionPlacement> placements, Drain drain)
            throws IOException {
        html.append("<h2 id=\"charts\">Charts</h2>\n");
        EnumSet<Outcome> seen = EnumSet.noneOf(Outcome.class);
        placements.forEach(p -> seen.add(p.outcome()));
        html.append("<h3>Connections per boot</h3>\n").append(SvgCharts.legend(List.copyOf(seen))).append('\n');
        Map<Integer, List<ConnectionPlacement>> byBoot = placements.stream().collect(Collectors.groupingBy(ConnectionPlacement::boot));
        Set<Integer> withTrouble = result.rounds().stream().filter(r -> !r.plain())
                .map(RoundRecord::boot).collect(Collectors.toSet());
        List<Integer> notDrawn = new ArrayList<>();
        int passingDrawn = 0;
        for (BootRecord boot : result.boots()) {
            boolean passing = boot.ready() && !withTrouble.contains(boot.boot());
            if (passing && passingDrawn >= PASSING_BOOTS_DRAWN) {
                notDrawn.add(boot.boot());
                continue;
            }
            notDrawnNote(html, notDrawn);
            if (!boot.ready()) {
                html.append("<p class=\"fail-text\">boot ").append(boot.boot()).append(" not ready: ")
                        .append(Html.text(boot.failure())).append("</p>\n");
                continue;
            }
            passingDrawn += passing ? 1 : 0;
            html.append(SvgCharts.timeline(boot.boot(), byBoot.getOrDefault(boot.boot(), List.of()))).append('\n');
            drain.drain();
        }
        notDrawnNote(html, notDrawn);
        html.append("<h3>Failure rate</h3>\n<p class=\"muted\">").append(Html.text(ConnectionPlacement.CLOCK))
                .append("</p>\n<div class=\"charts\">")
                .append(SvgCharts.failureRate("failed connections per boot", bars(placements, ConnectionPlacement::boot, "boot ")))
                .append(SvgCharts.failureRate("by concurrency (connections open at its start)",
                        bars(placements, ConnectionPlacement::openAtStart, "")))
                .append(SvgCharts.failureRate("by connection index since boot",
                        byIndexSinceBoot(placements)))
                .append("</div>\n");
    }

    /** Says which passing boots (consecutive ones) have no timeline; empties the list. */
    private static void notDrawnNote(StringBuilder html, List<Integer> boots) {
        if (boots.isEmpty()) {
            return;
        }
        html.append("<p class=\"passed-rounds\">")
                .append(boots.size() == 1 ? "boot " + boots.get(0) : "boots " + boots.get(0) + "-" + boots.get(boots.size() - 1))
                .append(": every round passed; not drawn (timeline.json has every connection)</p>\n");
        boots.clear();
    }

    /** Failed/total per value of {@code key}, in ascending order of the key. */
    static List<SvgCharts.Bar> bars(List<ConnectionPlacement> placements, Function<ConnectionPlacement, Integer> key, String prefix) {
        Map<Integer, List<ConnectionPlacement>> groups = placements.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new SvgCharts.Bar(prefix + e.getKey(),
                (int) e.getValue().stream().filter(ConnectionPlacement::failed).count(), e.getValue().size())).toList();
    }

    /** Index since boot in at most {@link #MAX_INDEX_BARS} equal ranges, so long campaigns stay readable. */
    static List<SvgCharts.Bar> byIndexSinceBoot(List<ConnectionPlacement> placements) {
        int max = placements.stream().mapToInt(ConnectionPlacement::indexSinceBoot).max().orElse(0);
        int width = Math.max(1, (max + MAX_INDEX_BARS - 1) / MAX_INDEX_BARS);
        if (width == 1) {
            return bars(placements, ConnectionPlacement::indexSinceBoot, "#");
        }
        Map<Integer, List<ConnectionPlacement>> groups = placements.stream().collect(Collectors.groupingBy(
                f -> (f.indexSinceBoot() - 1) / width, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new SvgCharts.Bar(
                "#" + (e.getKey() * width + 1) + "-" + (e.getKey() + 1) * width,
                (int) e.getValue().stream().filter(ConnectionPlacement::failed).count(), e.getValue().size())).toList();
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String ms(Long value) {
        return value == null ? "-" : value + " ms";
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1200px}
            h1{font-size:1.4em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}h3{font-size:1.05em}
            table.grid,table.side{border-collapse:collapse;margin:.5em 0}
            table.grid td,table.grid th,table.side td,table.side th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
            table.side{width:100%;font-size:12px}table.side td.t{text-align:right;white-space:nowrap}
            table.side code{white-space:pre-wrap;word-break:break-all}
            .verdict{font-weight:bold;padding:2px 8px;border-radius:3px;color:#fff}.pass{background:#2e9d4f}.fail{background:#c0392b}
            .fail-text{color:#c0392b}.muted{color:#777}.detail{color:#555;font-size:12px}
            .badge{color:#fff;padding:0 5px;border-radius:3px;font-size:12px}
            .meaning{color:#8e44ad;font-size:11px}
            .legend .key{margin-right:1em}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
            .charts{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
            svg.chart{display:block;margin:.4em 0}svg .label{font-size:12px}svg .small{font-size:10px;fill:#444}
            svg .axis{stroke:#888}svg .grid{stroke:#eee}svg .round{stroke:#ccc;stroke-dasharray:2 2}
            svg .total{fill:#eef2ee}svg .failed{fill:#c0392b}
            .finding{border-left:4px solid #8e44ad;padding:0 .8em;margin:.6em 0}.confidence{font-weight:normal;color:#777;font-size:.85em}
            pre.evidence{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all;font-size:12px}
            details{margin:2px 0}summary{cursor:pointer}
            .passed-rounds{color:#2e7d32;margin:.3em 0}svg rect.band{fill-opacity:.45}
            """;
}
