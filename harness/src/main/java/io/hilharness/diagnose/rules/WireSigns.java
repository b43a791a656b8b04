package io.hilharness.diagnose.rules;

import io.hilharness.capture.CloseKind;
import io.hilharness.capture.Direction;
import io.hilharness.capture.Side;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireRecord;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.WireRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the packet capture says about one connection: the wire's counterpart of {@link Signatures}.
 * Every sign is empty for a connection the run did not capture, so wire rules stay silent then.
 */
final class WireSigns {
    private WireSigns() {
    }

    /** A fatal certificate alert (42-46, 48) the client sent in the clear, before the handshake finished. */
    static Optional<WireRecord> clientCertificateAlert(ConnectionFacts c) {
        return c.onWire().flatMap(w -> w.alerts(Direction.CLIENT_TO_SERVER).stream()
                .filter(r -> Integer.valueOf(2).equals(r.alertLevel()) && r.alertDescription() != null
                        && Signatures.CERTIFICATE_ALERTS.contains(r.alertDescription()))
                .findFirst());
    }

    /**
     * The board reset the connection while the client's last data was still unanswered: the client
     * spoke last (ClientHello, a request) and the board answered with a RST, not with data or an alert.
     * A client that ended the connection itself with an alert does not count: a RST after that is the
     * board discarding what it had not read.
     */
    static boolean resetWhileClientSending(WireConversation w) {
        if (!w.resetBy().contains(Side.SERVER) || w.bytesClientToServer() == 0) {
            return false;
        }
        Optional<WireRecord> lastClient = w.lastRecord(Direction.CLIENT_TO_SERVER);
        if (lastClient.isEmpty() || lastClient.get().isAlert()) {
            return false;
        }
        // records are in capture order: the client's last one came after anything the board sent
        Optional<WireRecord> lastServer = w.lastRecord(Direction.SERVER_TO_CLIENT);
        return lastServer.isEmpty() || w.records().lastIndexOf(lastServer.get()) < w.records().lastIndexOf(lastClient.get());
    }

    /** The packets that show a board reset: the client's unanswered record, the first close, the board's RST. */
    static List<WireRef> resetRefs(WireConversation w) {
        List<WireRef> refs = new ArrayList<>();
        w.lastRecord(Direction.CLIENT_TO_SERVER).ifPresent(r -> refs.add(WireRef.of(w, r)));
        WireRef.close(w).ifPresent(refs::add);
        if (!closedByServerReset(w)) {
            WireRef.serverReset(w).ifPresent(refs::add);
        }
        return inFrameOrder(refs);
    }

    /** The packets that show the board closing a response short: its last segment and its close. */
    static List<WireRef> closeRefs(WireConversation w) {
        List<WireRef> refs = new ArrayList<>();
        w.lastRecord(Direction.SERVER_TO_CLIENT).ifPresent(r -> refs.add(WireRef.of(w, r)));
        WireRef.close(w).ifPresent(refs::add);
        if (!closedByServerReset(w)) {
            WireRef.serverReset(w).ifPresent(refs::add);
        }
        return inFrameOrder(refs);
    }

    /** As Wireshark lists them (a board that closes at once sends its FIN before the client's ClientHello). */
    private static List<WireRef> inFrameOrder(List<WireRef> refs) {
        return refs.stream().sorted(Comparator.comparing(WireRef::frame,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The board's RST was its first close, already cited as such. */
    private static boolean closedByServerReset(WireConversation w) {
        return w.closeKind() == CloseKind.RST && w.closedBy() == Side.SERVER;
    }
}
