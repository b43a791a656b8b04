package io.hilharness.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tshark's {@code -T fields} output (one tab-separated line per frame, in the order of
 * {@link #FIELDS}) into conversations. Lines that do not parse are skipped: a capture is evidence,
 * not a contract, and one odd frame must not cost the rest.
 */
public final class TsharkFields {
    /** The fields asked for, in column order (names checked against tshark 4.0's {@code -G fields}). */
    public static final List<String> FIELDS = List.of("tcp.stream", "tcp.srcport", "tcp.dstport", "tcp.flags.fin",
            "tcp.flags.reset", "tls.record.content_type", "tls.handshake.type", "tls.alert_message.level",
            "tls.alert_message.desc", "tcp.analysis.retransmission", "tcp.analysis.zero_window", "tcp.len",
            "frame.time_epoch", "tls.handshake.certificate", "frame.number");

    private TsharkFields() {
    }

    /** The tshark arguments after the program name that produce what {@link #parse} reads. */
    public static List<String> arguments(String pcap, int boardPort) {
        List<String> args = new ArrayList<>(List.of("-r", pcap, "-n", "-Y", "tcp", "-d", "tcp.port==" + boardPort + ",tls",
                "-T", "fields", "-E", "separator=/t", "-E", "aggregator=,", "-E", "occurrence=a"));
        for (String field : FIELDS) {
            args.add("-e");
            args.add(field);
        }
        return args;
    }

    public static List<WireConversation> parse(List<String> lines, int boardPort) {
        Map<Integer, Builder> streams = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < FIELDS.size()) {
                continue;
            }
            try {
                int stream = Integer.parseInt(f[0].trim());
                int src = Integer.parseInt(f[1].trim());
                int dst = Integer.parseInt(f[2].trim());
                Direction direction;
                if (dst == boardPort) {
                    direction = Direction.CLIENT_TO_SERVER;
                } else if (src == boardPort) {
                    direction = Direction.SERVER_TO_CLIENT;
                } else {
                    continue;
                }
                int clientPort = direction == Direction.CLIENT_TO_SERVER ? src : dst;
                streams.computeIfAbsent(stream, s -> new Builder(clientPort, s)).add(direction, f);
            } catch (NumberFormatException | java.time.DateTimeException odd) {
                // skip a frame we cannot read; the others still count
            }
        }
        return streams.values().stream().map(Builder::build).toList();
    }

    private static List<Integer> ints(String field) {
        if (field.isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static Integer first(String field) {
        List<Integer> values = ints(field);
        return values.isEmpty() ? null : values.get(0);
    }

    private static boolean flag(String field) {
        String v = field.trim();
        // booleans print as 0/1 (or False/True in newer tshark); presence fields print a value when set
        return !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private static Instant epoch(String field) {
        BigDecimal seconds = new BigDecimal(field.trim());
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static final class Builder {
        private final int clientPort;
        private final int stream;
        private final List<WireRecord> records = new ArrayList<>();
        private final List<Side> resetBy = new ArrayList<>();
        private final List<String> certificates = new ArrayList<>();
        private Instant start;
        private Integer closeFrame;
        private Integer serverResetFrame;
        private Side closedBy;
        private CloseKind closeKind;
        private int retransmissions;
        private int zeroWindows;
        private long toServer;
        private long toClient;

        Builder(int clientPort, int stream) {
            this.clientPort = clientPort;
            this.stream = stream;
        }

        void add(Direction direction, String[] f) {
            Side sender = Side.sender(direction);
            if (start == null) {
                start = epoch(f[12]);
            }
            Integer frame = f[14].isBlank() ? null : Integer.valueOf(f[14].trim());
            boolean fin = flag(f[3]);
            boolean rst = flag(f[4]);
            if ((fin || rst) && closedBy == null) {
                closedBy = sender;
                closeKind = rst ? CloseKind.RST : CloseKind.FIN;
                closeFrame = frame;
            }
            if (rst && !resetBy.contains(sender)) {
                resetBy.add(sender);
            }
            if (rst && sender == Side.SERVER && serverResetFrame == null) {
                serverResetFrame = frame;
            }
            if (flag(f[10])) {
                zeroWindows++;
            }
            if (flag(f[9])) {
                // counted, but neither its bytes nor its records again: the original segment has them
                retransmissions++;
                return;
            }
            long len = f[11].isBlank() ? 0 : Long.parseLong(f[11].trim());
            if (direction == Direction.CLIENT_TO_SERVER) {
                toServer += len;
            } else {
                toClient += len;
            }
            List<Integer> contentTypes = ints(f[5]);
            if (!contentTypes.isEmpty()) {
                records.add(new WireRecord(direction, epoch(f[12]), contentTypes, ints(f[6]), first(f[7]), first(f[8]), frame));
            }
            if (direction == Direction.SERVER_TO_CLIENT && certificates.isEmpty() && !f[13].isBlank()) {
                certificates.addAll(Arrays.stream(f[13].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
        }

        WireConversation build() {
            return new WireConversation(clientPort, stream, start, records, closedBy, closeKind, resetBy, retransmissions,
                    zeroWindows, toServer, toClient, certificates, closeFrame, serverResetFrame);
        }
    }
}
