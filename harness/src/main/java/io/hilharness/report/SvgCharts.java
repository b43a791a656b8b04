package io.hilharness.report;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.run.ConnectionPlacement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script and no external resource, so the report opens
 * anywhere, offline, and prints. Text in them goes through {@link Html#text}.
 */
final class SvgCharts {
    private static final int WIDTH = 1100;
    private static final int LEFT = 60;
    private static final int RIGHT = 40;
    private static final int LANE = 12;
    private static final int LANE_GAP = 3;
    /** Connections of a boot drawn one by one, from its first; failed ones are always drawn one by one. */
    static final int CONNECTIONS_DRAWN_EACH = 20;

    private SvgCharts() {
    }

    /** One bar in a failure-rate chart: {@code failed} of {@code total} connections in the group. */
    record Bar(String label, int failed, int total) {
        double rate() {
            return total == 0 ? 0 : (double) failed / total;
        }
    }

    /**
     * A boot's connections on a time axis from its first connection: each a bar from its start to
     * its end, coloured by outcome; overlapping connections get their own lanes. Past the first
     * {@link #CONNECTIONS_DRAWN_EACH} connections, consecutive passed ones merge into one band, so a
     * long boot's chart grows with its failures only.
     */
    static String timeline(int boot, List<ConnectionPlacement> connections) {
        if (connections.isEmpty()) {
            return "<p class=\"muted\">boot " + boot + ": no connections</p>";
        }
        List<Span> spans = spans(connections);
        Instant t0 = spans.stream().map(Span::start).min(Instant::compareTo).orElseThrow();
        Instant t1 = spans.stream().map(Span::end).max(Instant::compareTo).orElseThrow();
        double spanMs = Math.max(1, Duration.between(t0, t1).toNanos() / 1e6);
        double plot = WIDTH - LEFT - RIGHT;
        List<Instant> laneEnds = new ArrayList<>();
        StringBuilder bars = new StringBuilder();
        StringBuilder rounds = new StringBuilder();
        int lastRound = -1;
        for (Span span : spans) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(span.start())) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(span.end());
            } else {
                laneEnds.set(lane, span.end());
            }
            double x = LEFT + plot * Duration.between(t0, span.start()).toNanos() / 1e6 / spanMs;
            double w = Math.max(2, plot * Duration.between(span.start(), span.end()).toNanos() / 1e6 / spanMs);
            int y = 20 + lane * (LANE + LANE_GAP);
            if (span.round() != null && span.round() != lastRound) {
                rounds.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%%BOTTOM%%\" class=\"round\"/>"
                                + "<text x=\"%.1f\" y=\"11\" class=\"small\">r%d</text>", x, x, x + 2, span.round()));
                lastRound = span.round();
            }
            bars.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s><title>%s</title></rect>",
                    x, y, w, LANE, OutcomeColors.of(span.outcome()), span.round() == null ? " class=\"band\"" : "",
                    Html.text(span.title())));
        }
        int bottom = 20 + laneEnds.size() * (LANE + LANE_GAP) + 4;
        int height = bottom + 22;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"timeline of boot %d\">", WIDTH, height, WIDTH, height, boot));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"label\">boot %d</text>", 20 + LANE, boot));
        svg.append(rounds.toString().replace("%BOTTOM%", Integer.toString(bottom)));
        svg.append(bars);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, bottom, WIDTH - RIGHT, bottom));
        for (int tick = 0; tick <= 4; tick++) {
            double x = LEFT + plot * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"small\" text-anchor=\"middle\">%s</text>",
                    x, bottom + 14, Html.text(formatMs(spanMs * tick / 4))));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One bar of a timeline: a connection, or a band of passed connections in a row.
     *
     * @param round the connection's round; null for a band
     */
    private record Span(Instant start, Instant end, Outcome outcome, Integer round, String title) {
    }

    private static List<Span> spans(List<ConnectionPlacement> connections) {
        List<Span> spans = new ArrayList<>();
        List<ConnectionPlacement> band = new ArrayList<>();
        for (ConnectionPlacement c : connections) {
            if (spans.size() < CONNECTIONS_DRAWN_EACH || c.failed()) {
                addBand(spans, band);
                spans.add(new Span(start(c.client()), end(c.client()), c.outcome(), c.round(), tooltip(c)));
            } else {
                band.add(c);
            }
        }
        addBand(spans, band);
        return spans;
    }

    private static void addBand(List<Span> spans, List<ConnectionPlacement> band) {
        if (band.isEmpty()) {
            return;
        }
        Instant start = band.stream().map(c -> start(c.client())).min(Instant::compareTo).orElseThrow();
        Instant end = band.stream().map(c -> end(c.client())).max(Instant::compareTo).orElseThrow();
        int first = band.get(0).round();
        int last = band.get(band.size() - 1).round();
        spans.add(new Span(start, end, Outcome.OK, null, band.size() + " connections passed, "
                + (first == last ? "round " + first : "rounds " + first + "-" + last)));
        band.clear();
    }

    /** Failure rate per group as vertical bars (0..100 %), each labelled with failed/total. */
    static String failureRate(String title, List<Bar> bars) {
        int height = 200;
        int top = 24;
        int bottom = height - 34;
        double plot = bottom - top;
        int slot = Math.max(14, Math.min(80, (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size())));
        // wide enough for the title even with a single bar
        int width = Math.max(360, Math.min(WIDTH, LEFT + RIGHT + slot * Math.max(1, bars.size())));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"%s\">", width, height, width, height, Html.text(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" class=\"label\">%s</text>", Html.text(title)));
        for (int pct = 0; pct <= 100; pct += 50) {
            double y = bottom - plot * pct / 100;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"small\" text-anchor=\"end\">%d%%</text>",
                    LEFT, y, width - RIGHT, y, LEFT - 4, y + 4, pct));
        }
        boolean labelEvery = bars.size() <= 30;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double w = slot * 0.7;
            double h = plot * bar.rate();
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" class=\"total\"/>", x, top, w, plot));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"failed\"><title>%s: %d of %d failed</title></rect>",
                    x, bottom - h, w, h, Html.text(bar.label()), bar.failed(), bar.total()));
            if (labelEvery || i % Math.max(1, bars.size() / 20) == 0) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" class=\"small\" text-anchor=\"middle\">%s</text>",
                        x + w / 2, bottom + 13, Html.text(bar.label())));
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" class=\"small muted\" text-anchor=\"middle\">%d/%d</text>",
                        x + w / 2, bottom + 26, bar.failed(), bar.total()));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, bottom, width - RIGHT, bottom));
        return svg.append("</svg>").toString();
    }

    /** The colour key for the outcomes that occur. */
    static String legend(List<Outcome> outcomes) {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (Outcome o : outcomes) {
            html.append("<span class=\"key\"><span class=\"swatch\" style=\"background:").append(OutcomeColors.of(o))
                    .append("\"></span>").append(Html.text(OutcomeColors.label(o))).append("</span> ");
        }
        return html.append("</p>").toString();
    }

    private static String tooltip(ConnectionPlacement c) {
        ConnectionRecord client = c.client();
        long ms = Duration.between(start(client), end(client)).toMillis();
        return client.id() + " port " + client.localPort() + ": " + OutcomeColors.label(c.outcome()) + ", " + ms
                + " ms, connection " + c.indexSinceBoot() + " since boot, " + c.openAtStart() + " open";
    }

    private static Instant start(ConnectionRecord c) {
        return c.start() != null ? c.start() : c.end() != null ? c.end() : Instant.EPOCH;
    }

    private static Instant end(ConnectionRecord c) {
        return c.end() != null && !c.end().isBefore(start(c)) ? c.end() : start(c);
    }

    private static String formatMs(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
