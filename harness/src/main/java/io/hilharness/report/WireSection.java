package io.hilharness.report;

import io.hilharness.capture.Direction;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.capture.WireRecord;
import io.hilharness.client.ConnectionRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The drill-down's "wire" part: what the packet capture (wire.json) saw of a connection, or why there
 * is no capture. Runs without wire.json (capture not asked) show nothing.
 */
final class WireSection {
    private final Optional<WireEvidence> wire;
    private final String problem;

    private WireSection(Optional<WireEvidence> wire, String problem) {
        this.wire = wire;
        this.problem = problem;
    }

    static WireSection load(Path runDir) {
        try {
            return new WireSection(runDir == null ? Optional.empty() : WireEvidence.read(runDir), null);
        } catch (IOException e) {
            return new WireSection(Optional.empty(), WireEvidence.FILE + " unreadable: " + e.getMessage());
        }
    }

    /** One line under the section heading: where the capture is, or why there is none. */
    void header(StringBuilder html) {
        if (problem != null) {
            html.append("<p class=\"fail-text\">wire: ").append(Html.text(problem)).append("</p>\n");
        } else if (wire.isPresent() && !wire.get().captured()) {
            html.append("<p class=\"fail-text\">wire: ").append(Html.text(wire.get().reason())).append("</p>\n");
        } else if (wire.isPresent()) {
            html.append("<p class=\"muted\">wire: ").append(Html.text(wire.get().pcap())).append(", ")
                    .append(wire.get().conversations().size())
                    .append(" TCP streams; open it in Wireshark and filter <code>tcp.stream == N</code>.</p>\n");
            if (wire.get().reason() != null) {
                html.append("<p class=\"fail-text\">wire: ").append(Html.text(wire.get().reason())).append("</p>\n");
            }
        }
    }

    /** The connection's conversation on the wire, if captured: TLS records by direction, then how it closed. */
    void connection(StringBuilder html, ConnectionRecord client) {
        if (wire.isEmpty() || !wire.get().captured()) {
            return;
        }
        Optional<WireConversation> found = wire.get().forConnection(client.localPort(), client.start());
        if (found.isEmpty()) {
            html.append("<p class=\"fail-text\">wire: no TCP stream from port ").append(client.localPort())
                    .append(" in the capture</p>\n");
            return;
        }
        WireConversation w = found.get();
        Instant t0 = client.start() != null ? client.start() : w.start();
        html.append("<table class=\"side\"><tr><th>ms</th><th colspan=\"2\">wire: tcp.stream == ").append(w.stream())
                .append("</th></tr>\n");
        for (WireRecord r : w.records()) {
            html.append("<tr><td class=\"t\">").append(ms(t0, r.time())).append("</td><td>")
                    .append(r.direction() == Direction.CLIENT_TO_SERVER ? "client &rarr; board" : "board &rarr; client")
                    .append("</td><td>").append(r.isAlert() ? "<span class=\"fail-text\">" : "<span>")
                    .append(Html.text(r.describe())).append("</span></td></tr>\n");
        }
        html.append("</table>\n<p class=\"detail\">").append(Html.text(closing(w))).append("</p>\n");
    }

    private static String closing(WireConversation w) {
        String close = w.closedBy() == null ? "close not captured"
                : "closed first by the " + (w.closedBy().name().equals("CLIENT") ? "client" : "board") + " (" + w.closeKind() + ")";
        String resets = w.resetBy().isEmpty() ? "" : ", RST from " + String.join(" and ",
                w.resetBy().stream().map(s -> s.name().equals("CLIENT") ? "client" : "board").toList());
        return close + resets + "; " + w.retransmissions() + " retransmissions, " + w.zeroWindows() + " zero windows; "
                + w.bytesClientToServer() + " bytes client to board, " + w.bytesServerToClient() + " bytes board to client";
    }

    private static String ms(Instant t0, Instant at) {
        return t0 == null || at == null ? "" : String.format(Locale.ROOT, "%.1f", Duration.between(t0, at).toNanos() / 1e6);
    }
}
