package io.hilharness.report;

import io.hilharness.campaign.BootRecord;
import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.RoundRecord;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * report.html: one self-contained page per run (inline CSS and SVG, no script, no external
 * resource) with the summary, the findings, the charts and a per-connection drill-down that puts
 * the client's events and the board's log lines side by side. All text goes through
 * {@link Html#text}; a Content-Security-Policy forbids scripts as a second line of defence.
 */
public final class HtmlReport {
    /** Drill-down device lines per connection; the raw capture keeps the rest. */
    static final int DEVICE_LINES_FAILED = 2000;
    static final int DEVICE_LINES_OK = 150;
    /** Bars of the index-since-boot chart before indexes are grouped into ranges. */
    static final int MAX_INDEX_BARS = 40;

    private HtmlReport() {
    }

    public static String render(CampaignResult result, List<String> notes, List<Finding> findings) {
        List<ConnectionFacts> facts = ConnectionFacts.of(result);
        StringBuilder html = new StringBuilder(1 << 16);
        String title = "hil report: " + result.image() + " on " + result.board();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
                .append("<title>").append(Html.text(title)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>").append(Html.text(title)).append("</h1>\n");
        header(html, result, notes);
        summary(html, result);
        findings(html, findings);
        charts(html, result, facts);
        drillDown(html, result, facts);
        return html.append("</body></html>\n").toString();
    }

    private static void header(StringBuilder html, CampaignResult result, List<String> notes) {
        boolean passed = result.allPassed();
        html.append("<p><span class=\"verdict ").append(passed ? "pass" : "fail").append("\">")
                .append(passed ? "PASSED" : "FAILED").append("</span> ")
                .append(Html.text(result.spec().boots() + " boots x " + result.spec().rounds() + " rounds, "
                        + result.spec().mode().name().toLowerCase() + " fetches of " + String.join(" ", result.spec().paths())
                        + ", " + result.spec().reset().name().toLowerCase() + " reset"))
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
                + "<th>handshake p95</th><th>failures by class</th></tr>\n");
        for (BootSummary s : SummaryTable.summaries(result)) {
            String failures = s.bootFailure() != null ? "BOOT FAILED: " + s.bootFailure()
                    : s.failures().isEmpty() ? "-" : s.failures().entrySet().stream()
                    .map(e -> OutcomeColors.label(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            html.append("<tr>");
            for (Object cell : List.of(s.boot(), s.reset(), dash(s.deviceBoot()), dash(s.readyMs()), s.rounds(),
                    s.roundsOk(), s.connections(), ms(s.handshakeP50Ms()), ms(s.handshakeP95Ms()), failures)) {
                html.append("<td>").append(Html.text(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        long ok = result.rounds().stream().filter(RoundRecord::ok).count();
        html.append("</table>\n<p>").append(ok).append(" of ").append((long) result.spec().boots() * result.spec().rounds())
                .append(" rounds ok</p>\n");
    }

    // ---- Findings: filled by the diagnosis step (see Finding); rendered here, escaped. ----
    private static void findings(StringBuilder html, List<Finding> findings) {
        html.append("<h2 id=\"findings\">Findings</h2>\n<!-- findings: one <section class=\"finding\"> per Finding -->\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"muted\">No findings.</p>\n");
            return;
        }
        for (Finding f : findings) {
            html.append("<section class=\"finding\"><h3>").append(Html.text(f.title()))
                    .append(" <span class=\"confidence\">confidence: ").append(Html.text(f.confidence())).append("</span></h3>");
            if (!f.evidence().isEmpty()) {
                html.append("<pre class=\"evidence\">");
                Redaction.lines(f.evidence()).forEach(line -> html.append(Html.text(line)).append('\n'));
                html.append("</pre>");
            }
            html.append("</section>\n");
        }
    }

    private static void charts(StringBuilder html, CampaignResult result, List<ConnectionFacts> facts) {
        html.append("<h2 id=\"charts\">Charts</h2>\n");
        EnumSet<Outcome> seen = EnumSet.noneOf(Outcome.class);
        facts.forEach(f -> seen.add(f.outcome()));
        html.append("<h3>Connections per boot</h3>\n").append(SvgCharts.legend(List.copyOf(seen))).append('\n');
        for (BootRecord boot : result.boots()) {
            if (!boot.ready()) {
                html.append("<p class=\"fail-text\">boot ").append(boot.boot()).append(" not ready: ")
                        .append(Html.text(boot.failure())).append("</p>\n");
                continue;
            }
            html.append(SvgCharts.timeline(boot.boot(), facts.stream().filter(f -> f.boot() == boot.boot()).toList())).append('\n');
        }
        html.append("<h3>Failure rate</h3>\n<div class=\"charts\">")
                .append(SvgCharts.failureRate("failed connections per boot", bars(facts, ConnectionFacts::boot, "boot ")))
                .append(SvgCharts.failureRate("by concurrency (connections open at its start)",
                        bars(facts, ConnectionFacts::concurrency, "")))
                .append(SvgCharts.failureRate("by connection index since boot",
                        byIndexSinceBoot(facts)))
                .append("</div>\n");
    }

    /** Failed/total per value of {@code key}, in ascending order of the key. */
    static List<SvgCharts.Bar> bars(List<ConnectionFacts> facts, Function<ConnectionFacts, Integer> key, String prefix) {
        Map<Integer, List<ConnectionFacts>> groups = facts.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new SvgCharts.Bar(prefix + e.getKey(),
                (int) e.getValue().stream().filter(ConnectionFacts::failed).count(), e.getValue().size())).toList();
    }

    /** Index since boot in at most {@link #MAX_INDEX_BARS} equal ranges, so long campaigns stay readable. */
    static List<SvgCharts.Bar> byIndexSinceBoot(List<ConnectionFacts> facts) {
        int max = facts.stream().mapToInt(ConnectionFacts::indexSinceBoot).max().orElse(0);
        int width = Math.max(1, (max + MAX_INDEX_BARS - 1) / MAX_INDEX_BARS);
        if (width == 1) {
            return bars(facts, ConnectionFacts::indexSinceBoot, "#");
        }
        Map<Integer, List<ConnectionFacts>> groups = facts.stream().collect(Collectors.groupingBy(
                f -> (f.indexSinceBoot() - 1) / width, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> new SvgCharts.Bar(
                "#" + (e.getKey() * width + 1) + "-" + (e.getKey() + 1) * width,
                (int) e.getValue().stream().filter(ConnectionFacts::failed).count(), e.getValue().size())).toList();
    }

    private static void drillDown(StringBuilder html, CampaignResult result, List<ConnectionFacts> facts) {
        html.append("<h2 id=\"connections\">Connections</h2>\n<p class=\"muted\">Failed connections are open; "
                + "click any line to open or close it. Times are ms from the connection's start, by the host clock.</p>\n");
        Map<CorrelatedConnection, ConnectionFacts> byConnection = new IdentityHashMap<>();
        facts.forEach(f -> byConnection.put(f.connection(), f));
        for (RoundRecord round : result.rounds()) {
            html.append("<h3>boot ").append(round.boot()).append(" round ").append(round.round())
                    .append(round.ok() ? "" : " <span class=\"fail-text\">failed</span>").append("</h3>\n");
            for (CorrelatedConnection c : round.connections()) {
                connection(html, c, byConnection.get(c));
            }
            if (!round.unmatchedDevice().isEmpty()) {
                for (DeviceSession s : round.unmatchedDevice()) {
                    html.append("<details><summary>device session on port ").append(s.port())
                            .append(" that no client connection explains (").append(s.events().size()).append(" lines)</summary>");
                    deviceLines(html, s.events(), DEVICE_LINES_FAILED);
                    html.append("</details>\n");
                }
            }
            if (!round.sessionsWithoutEnd().isEmpty()) {
                html.append("<p class=\"fail-text\">the board never logged the end of the sessions on ports ")
                        .append(Html.text(round.sessionsWithoutEnd().stream().sorted().map(String::valueOf)
                                .collect(Collectors.joining(", ")))).append("</p>\n");
            }
        }
    }

    private static void connection(StringBuilder html, CorrelatedConnection c, ConnectionFacts f) {
        ConnectionRecord client = c.client();
        boolean failed = client.outcome() != Outcome.OK;
        html.append(failed ? "<details open=\"open\">" : "<details>").append("<summary><span class=\"badge\" style=\"background:")
                .append(OutcomeColors.of(client.outcome())).append("\">").append(Html.text(OutcomeColors.label(client.outcome())))
                .append("</span> ").append(Html.text(client.id())).append(" port ").append(client.localPort());
        if (client.start() != null && client.end() != null) {
            html.append(", ").append(Duration.between(client.start(), client.end()).toMillis()).append(" ms");
        }
        if (f != null) {
            html.append(", connection ").append(f.indexSinceBoot()).append(" since boot, ").append(f.concurrency()).append(" open");
        }
        html.append(", ").append(c.device().size()).append(" device lines");
        if (client.outcomeDetail() != null) {
            html.append(" <span class=\"detail\">").append(Html.text(client.outcomeDetail())).append("</span>");
        }
        html.append("</summary>\n");
        sideBySide(html, c, failed ? DEVICE_LINES_FAILED : DEVICE_LINES_OK);
        html.append("</details>\n");
    }

    /** One row per client event or device line, in host-time order: client left, device right. */
    private static void sideBySide(StringBuilder html, CorrelatedConnection c, int maxDeviceLines) {
        record Row(Instant at, boolean approximate, String client, String deviceMeaning, String device, String where) {
        }
        ConnectionRecord client = c.client();
        Instant t0 = client.start() != null ? client.start() : Instant.EPOCH;
        List<Row> rows = new ArrayList<>();
        for (ClientEvent e : ClientEvent.of(client)) {
            rows.add(new Row(e.at(), e.approximate(), e.text(), null, null, null));
        }
        List<DeviceEvent> shown = c.device().subList(0, Math.min(c.device().size(), maxDeviceLines));
        List<String> texts = Evidence.texts(shown);
        for (int i = 0; i < shown.size(); i++) {
            DeviceEvent e = shown.get(i);
            rows.add(new Row(e.hostTime() != null ? e.hostTime() : t0, false, null, Evidence.meaning(e), texts.get(i),
                    "line " + e.seq() + " @" + e.offset()));
        }
        rows.sort(Comparator.comparing(Row::at));
        html.append("<table class=\"side\"><tr><th>ms</th><th>client</th><th>device</th><th>capture</th></tr>\n");
        for (Row r : rows) {
            html.append("<tr><td class=\"t\">").append(r.approximate() ? "~" : "")
                    .append(String.format(Locale.ROOT, "%.1f", Duration.between(t0, r.at()).toNanos() / 1e6)).append("</td><td>");
            if (r.client() != null) {
                html.append(Html.text(r.client()));
            }
            html.append("</td><td>");
            if (r.device() != null) {
                if (!r.deviceMeaning().isEmpty()) {
                    html.append("<span class=\"meaning\">").append(Html.text(r.deviceMeaning())).append("</span> ");
                }
                html.append("<code>").append(Html.text(r.device())).append("</code>");
            }
            html.append("</td><td class=\"muted\">").append(Html.text(r.where() == null ? "" : r.where())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (c.device().size() > shown.size()) {
            DeviceEvent next = c.device().get(shown.size());
            html.append("<p class=\"muted\">").append(c.device().size() - shown.size())
                    .append(" more device lines from console.raw offset ").append(next.offset()).append("</p>\n");
        }
    }

    private static void deviceLines(StringBuilder html, List<DeviceEvent> events, int max) {
        List<DeviceEvent> shown = events.subList(0, Math.min(events.size(), max));
        List<String> texts = Evidence.texts(shown);
        html.append("<pre class=\"evidence\">");
        for (int i = 0; i < shown.size(); i++) {
            html.append(Html.text("line " + shown.get(i).seq() + " @" + shown.get(i).offset() + ": " + texts.get(i))).append('\n');
        }
        html.append("</pre>");
    }

    /** What the client recorded, as timed events; exchange times are estimated from their durations. */
    record ClientEvent(Instant at, boolean approximate, String text) {
        static List<ClientEvent> of(ConnectionRecord c) {
            List<ClientEvent> events = new ArrayList<>();
            if (c.start() == null) {
                return events;
            }
            Instant t = c.start();
            events.add(new ClientEvent(t, false, "connect to " + c.remote() + " from port " + c.localPort()));
            if (c.connectMs() != null) {
                t = t.plusMillis(c.connectMs());
                events.add(new ClientEvent(t, false, "TCP connected after " + c.connectMs() + " ms"));
            }
            if (c.handshakeMs() != null) {
                t = t.plusMillis(c.handshakeMs());
                // Only a response proves the handshake completed; a rejected chain also has a cipher suite.
                boolean handshook = c.exchanges().stream().anyMatch(x -> x.httpStatus() != null);
                events.add(new ClientEvent(t, false, (handshook ? "TLS handshake done after " : "TLS handshake ended after ")
                        + c.handshakeMs() + " ms" + (c.tlsVersion() != null ? " (" + c.tlsVersion()
                        + (c.cipherSuite() != null ? ", " + c.cipherSuite() : "") + ")" : "")));
            }
            for (Exchange x : c.exchanges()) {
                t = t.plusMillis(x.ms());
                events.add(new ClientEvent(t, true, "GET " + x.path() + " -> "
                        + (x.httpStatus() != null ? "HTTP " + x.httpStatus() : "no response") + ", " + x.bytesReceived()
                        + (x.contentLength() != null ? " of " + x.contentLength() : "") + " bytes"
                        + (x.digestOk() == null ? "" : x.digestOk() ? ", digest ok" : ", DIGEST MISMATCH")
                        + ", " + OutcomeColors.label(x.outcome()) + (x.outcomeDetail() != null ? ": " + x.outcomeDetail() : "")
                        + " (" + x.ms() + " ms)"));
            }
            if (c.end() != null) {
                events.add(new ClientEvent(c.end(), false, "closed: " + OutcomeColors.label(c.outcome())
                        + (c.outcomeDetail() != null ? ": " + c.outcomeDetail() : "")));
            }
            return events;
        }
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
            """;
}
