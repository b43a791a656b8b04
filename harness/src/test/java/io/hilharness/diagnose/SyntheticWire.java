package io.hilharness.diagnose;

import io.hilharness.capture.CloseKind;
import io.hilharness.capture.Direction;
import io.hilharness.capture.Side;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.capture.WireRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Builds wire.json by hand for rule tests: one conversation per connection of a {@link Synthetic}
 * campaign, shaped like what tshark reads from a real capture (see CaptureCampaignIT).
 */
final class SyntheticWire {
    static final int BOARD_PORT = 8443;

    private SyntheticWire() {
    }

    /** wire.json for the evidence, each connection's conversation made by {@code shape}. */
    static WireEvidence of(Evidence evidence, Function<ConnectionFacts, Conversation> shape) {
        List<WireConversation> conversations = new ArrayList<>();
        int stream = 0;
        for (ConnectionFacts c : evidence.connections()) {
            conversations.add(shape.apply(c).build(c.port(), stream++, c.client().start()));
        }
        return new WireEvidence(true, "capture.pcapng", null, BOARD_PORT, conversations);
    }

    static Conversation conversation() {
        return new Conversation();
    }

    /** A full handshake and a response, closed by the client. */
    static Conversation ok(byte[]... chain) {
        return conversation().client(22, 1).server(chain, 2, 11, 12, 14).client(22, 16).server(null, 20)
                .data(Direction.CLIENT_TO_SERVER, 300).data(Direction.SERVER_TO_CLIENT, 18_100).close(Side.CLIENT, CloseKind.FIN);
    }

    /** The client rejects the server's flight with a fatal alert and closes. */
    static Conversation rejected(int alert, byte[]... chain) {
        return conversation().client(22, 1).server(chain, 2, 11, 12, 14).alert(alert).close(Side.CLIENT, CloseKind.FIN);
    }

    /** tiny-heap: the ClientHello goes out, the board answers with FIN then RST and not a byte. */
    static Conversation droppedAfterClientHello() {
        return conversation().client(22, 1).close(Side.SERVER, CloseKind.FIN).reset(Side.SERVER);
    }

    /** partial-write: handshake, request, part of the body, then the board's FIN. */
    static Conversation cutByBoard(long bodyBytes) {
        return conversation().client(22, 1).server(null, 2, 11, 12, 14).client(22, 16).server(null, 20)
                .data(Direction.CLIENT_TO_SERVER, 300).data(Direction.SERVER_TO_CLIENT, bodyBytes).close(Side.SERVER, CloseKind.FIN);
    }

    static final class Conversation {
        private final List<WireRecord> records = new ArrayList<>();
        private final List<Side> resetBy = new ArrayList<>();
        private List<String> certificates = List.of();
        private Side closedBy;
        private CloseKind closeKind;
        private Integer closeFrame;
        private Integer serverResetFrame;
        private long toServer;
        private long toClient;
        private int frame = 3; // after the three-way handshake
        private long ms;

        Conversation client(int contentType, int... handshakes) {
            return record(Direction.CLIENT_TO_SERVER, contentType, null, handshakes);
        }

        Conversation server(byte[][] chain, int... handshakes) {
            if (chain != null && chain.length > 0 && certificates.isEmpty()) {
                List<String> hex = new ArrayList<>();
                for (byte[] der : chain) {
                    hex.add(HexFormat.of().formatHex(der));
                }
                certificates = hex;
            }
            return record(Direction.SERVER_TO_CLIENT, 22, null, handshakes);
        }

        Conversation alert(int description) {
            return record(Direction.CLIENT_TO_SERVER, 21, description);
        }

        Conversation data(Direction direction, long bytes) {
            record(direction, 23, null);
            if (direction == Direction.CLIENT_TO_SERVER) {
                toServer += bytes;
            } else {
                toClient += bytes;
            }
            return this;
        }

        Conversation close(Side side, CloseKind kind) {
            frame++;
            if (closedBy == null) {
                closedBy = side;
                closeKind = kind;
                closeFrame = frame;
            }
            if (kind == CloseKind.RST) {
                markReset(side);
            }
            return this;
        }

        Conversation reset(Side side) {
            frame++;
            markReset(side);
            return this;
        }

        private void markReset(Side side) {
            if (!resetBy.contains(side)) {
                resetBy.add(side);
            }
            if (side == Side.SERVER && serverResetFrame == null) {
                serverResetFrame = frame;
            }
        }

        private Conversation record(Direction direction, int contentType, Integer alert, int... handshakes) {
            frame++;
            List<Integer> hs = new ArrayList<>();
            for (int h : handshakes) {
                hs.add(h);
            }
            List<Integer> types = new ArrayList<>();
            for (int i = 0; i < Math.max(1, hs.size()); i++) {
                types.add(contentType);
            }
            records.add(new WireRecord(direction, Instant.EPOCH.plusMillis(++ms), types, contentType == 22 ? hs : List.of(),
                    alert == null ? null : 2, alert, frame));
            long bytes = 5L + 100 * Math.max(1, hs.size());
            if (contentType != 23) {
                if (direction == Direction.CLIENT_TO_SERVER) {
                    toServer += bytes;
                } else {
                    toClient += bytes;
                }
            }
            return this;
        }

        WireConversation build(int clientPort, int stream, Instant start) {
            return new WireConversation(clientPort, stream, start, records, closedBy, closeKind, resetBy, 0, 0,
                    toServer, toClient, certificates, closeFrame, serverResetFrame);
        }
    }
}
