package io.hilharness.diagnose;

import io.hilharness.capture.Direction;
import io.hilharness.capture.Side;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireRecord;
import java.util.Optional;

/**
 * A packet cited as evidence: where it is in the run's capture.pcapng (Wireshark's
 * {@code tcp.stream == N} and frame number), which way it went and what it carried, so anyone can open
 * the exact packet next to the board's console lines.
 *
 * @param stream tshark's tcp.stream number
 * @param frame  the frame number in the pcapng; null when the wire.json predates frame numbers
 * @param from   who sent it: "client" or "board"
 * @param what   what it carried, e.g. "fatal alert 46 certificate_unknown", "RST"
 */
public record WireRef(int stream, Integer frame, String from, String what) {

    /** A TLS segment of the conversation. */
    public static WireRef of(WireConversation c, WireRecord r) {
        return new WireRef(c.stream(), r.frame(), r.direction() == Direction.CLIENT_TO_SERVER ? "client" : "board",
                r.describe());
    }

    /** The first FIN or RST of the conversation, if the capture saw one. */
    public static Optional<WireRef> close(WireConversation c) {
        if (c.closedBy() == null) {
            return Optional.empty();
        }
        return Optional.of(new WireRef(c.stream(), c.closeFrame(), name(c.closedBy()),
                c.closeKind() + " (first to close)"));
    }

    /** The board's first RST, if it sent one. */
    public static Optional<WireRef> serverReset(WireConversation c) {
        if (!c.resetBy().contains(Side.SERVER)) {
            return Optional.empty();
        }
        return Optional.of(new WireRef(c.stream(), c.serverResetFrame(), "board", "RST"));
    }

    /** e.g. "tcp.stream 3, frame 17, client -> board: fatal alert 46 certificate_unknown". */
    public String describe() {
        return "tcp.stream " + stream + (frame == null ? "" : ", frame " + frame) + ", " + from + " -> "
                + ("client".equals(from) ? "board" : "client") + ": " + what;
    }

    private static String name(Side side) {
        return side == Side.CLIENT ? "client" : "board";
    }
}
