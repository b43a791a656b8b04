package io.hilharness.report;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.correlate.DeviceSession;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RoundRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's "Connections" section: per round, one {@code <details>} per connection (failed ones
 * open) with the client's events and the board's lines for its port side by side, in host-time
 * order. No script: {@code <details>} opens and closes by itself.
 *
 * <p>Shown are the rounds that did not go plainly (every failed connection whole) and, as a sample of
 * what passing looks like, the first {@link HtmlReport#PASSED_IN_DETAIL} passed connections. The other
 * rounds passed: they are counted in one line per run of them, so the page grows with the failures of
 * a run, not with its length.
 */
final class ConnectionDrillDown {
    /** Device lines shown per connection; the raw capture keeps the rest. */
    static final int DEVICE_LINES_FAILED = 2000;
    static final int DEVICE_LINES_OK = 150;

    private ConnectionDrillDown() {
    }

    static void render(StringBuilder html, CampaignResult result, List<ConnectionPlacement> placements, int passedInDetail,
                       HtmlReport.Drain afterEachRound) throws IOException {
        html.append("<h2 id=\"connections\">Connections</h2>\n<p class=\"muted\">Failed connections are open; "
                + "click any line to open or close it. Times are ms from the connection's start, by the host clock.</p>\n");
        WireSection wire = WireSection.load(result.runDir());
        wire.header(html);
        long passed = result.rounds().stream().flatMap(r -> r.connections().stream())
                .filter(c -> c.client().outcome() == Outcome.OK).count();
        if (passed > passedInDetail) {
            html.append("<p class=\"muted\">").append(passed).append(" connections passed; the first ").append(passedInDetail)
                    .append(" are shown line by line as a sample, the others by their summary line in rounds that failed, "
                            + "and as a count in rounds that passed (their lines are in timeline.json and console.raw).</p>\n");
        }
        int passedShown = 0;
        Map<CorrelatedConnection, ConnectionPlacement> placementOf = new IdentityHashMap<>();
        placements.forEach(p -> placementOf.put(p.connection(), p));
        PassedRounds notShown = new PassedRounds();
        for (RoundRecord round : result.rounds()) {
            boolean sample = passedShown < passedInDetail && round.connections().stream().anyMatch(c -> c.client().outcome() == Outcome.OK);
            if (round.plain() && !sample) {
                notShown.add(html, round);
                continue;
            }
            notShown.end(html);
            html.append("<h3>boot ").append(round.boot()).append(" round ").append(round.round())
                    .append(round.ok() ? "" : " <span class=\"fail-text\">failed</span>").append("</h3>\n");
            for (CorrelatedConnection c : round.connections()) {
                boolean inDetail = c.client().outcome() != Outcome.OK || passedShown++ < passedInDetail;
                connection(html, c, placementOf.get(c), wire, inDetail);
            }
            for (DeviceSession s : round.unmatchedDevice()) {
                html.append("<details><summary>").append(s.noClientOpened()
                        ? "device session on port " + s.port() + " that no client connection explains"
                        : "late board lines of connection " + Html.text(s.lateFor()) + " (port " + s.port()
                                + "), which arrived after its round was recorded").append(" (")
                        .append(s.events().size()).append(" lines)</summary>");
                deviceLines(html, s.events(), DEVICE_LINES_FAILED);
                html.append("</details>\n");
            }
            if (!round.sessionsWithoutEnd().isEmpty()) {
                html.append("<p class=\"fail-text\">the board never logged the end of the sessions on ports ")
                        .append(Html.text(round.sessionsWithoutEnd().stream().sorted().map(String::valueOf)
                                .collect(Collectors.joining(", ")))).append("</p>\n");
            }
            afterEachRound.drain();
        }
        notShown.end(html);
    }

    /** Consecutive passed rounds of one boot that are not shown, told in one line. */
    private static final class PassedRounds {
        private int boot;
        private int first;
        private int last;
        private int rounds;
        private long connections;

        void add(StringBuilder html, RoundRecord round) {
            if (rounds > 0 && round.boot() != boot) {
                end(html);
            }
            if (rounds == 0) {
                boot = round.boot();
                first = round.round();
            }
            last = round.round();
            rounds++;
            connections += round.connections().size();
        }

        void end(StringBuilder html) {
            if (rounds == 0) {
                return;
            }
            html.append("<p class=\"passed-rounds\">boot ").append(boot)
                    .append(rounds == 1 ? " round " + first : " rounds " + first + "-" + last).append(": ")
                    .append(rounds == 1 ? "passed" : rounds + " rounds passed").append(", ").append(connections)
                    .append(connections == 1 ? " connection" : " connections").append("</p>\n");
            rounds = 0;
            connections = 0;
        }
    }

    private static void connection(StringBuilder html, CorrelatedConnection c, ConnectionPlacement placement, WireSection wire,
                                   boolean inDetail) {
        ConnectionRecord client = c.client();
        boolean failed = client.outcome() != Outcome.OK;
        html.append(failed ? "<details open=\"open\">" : "<details>").append("<summary><span class=\"badge\" style=\"background:")
                .append(OutcomeColors.of(client.outcome())).append("\">").append(Html.text(OutcomeColors.label(client.outcome())))
                .append("</span> ").append(Html.text(client.id())).append(" port ").append(client.localPort());
        if (client.start() != null && client.end() != null) {
            html.append(", ").append(Duration.between(client.start(), client.end()).toMillis()).append(" ms");
        }
        if (placement != null) {
            html.append(", connection ").append(placement.indexSinceBoot()).append(" since boot, ")
                    .append(placement.openAtStart()).append(" open");
        }
        if (inDetail) {
            // Of a passed connection shown by its summary, memory may not hold the lines (RoundsInMemory): not counted.
            html.append(", ").append(c.device().size()).append(" device lines");
        }
        if (client.outcomeDetail() != null) {
            html.append(" <span class=\"detail\">").append(Html.text(client.outcomeDetail())).append("</span>");
        }
        html.append("</summary>\n");
        if (!inDetail) {
            html.append("</details>\n");
            return;
        }
        sideBySide(html, c, failed ? DEVICE_LINES_FAILED : DEVICE_LINES_OK);
        wire.connection(html, client);
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
        List<String> texts = DeviceLineText.texts(shown);
        for (int i = 0; i < shown.size(); i++) {
            DeviceEvent e = shown.get(i);
            rows.add(new Row(e.hostTime() != null ? e.hostTime() : t0, false, null, DeviceLineText.meaning(e), texts.get(i),
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
        List<String> texts = DeviceLineText.texts(shown);
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
}
