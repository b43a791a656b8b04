package io.hilharness.diagnose;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.run.BootRecord;
import io.hilharness.run.RoundRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds campaign evidence by hand for rule tests: boots, rounds, connections with the client's
 * outcome and the board's log lines for them (line numbers and offsets as in a raw capture).
 */
public final class Synthetic {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<BootRecord> boots = new ArrayList<>();
    private final List<RoundRecord> rounds = new ArrayList<>();
    private long clockMs;
    private long seq;
    private int nextPort = 50000;
    private int boot;
    private int round;

    /** A new boot, ready 100 ms after its reset. */
    public Synthetic boot() {
        boot++;
        round = 0;
        clockMs += 1000;
        boots.add(new BootRecord(boot, ResetKind.SOFT, now(), boot, "soft", 100L, null));
        clockMs += 100;
        return this;
    }

    public Synthetic bootNotReady(String why) {
        boot++;
        round = 0;
        boots.add(new BootRecord(boot, ResetKind.SOFT, now(), null, null, null, why));
        clockMs += 20_000;
        return this;
    }

    /** One round whose connections run one after another. */
    public Synthetic sequential(Conn... conns) {
        return round(false, conns);
    }

    /** One round whose connections all start together and overlap. */
    public Synthetic parallel(Conn... conns) {
        return round(true, conns);
    }

    /** {@code n} rounds of one connection each, made by {@code make} from the connection's index in the boot. */
    public Synthetic rounds(int n, java.util.function.IntFunction<Conn> make) {
        for (int i = 0; i < n; i++) {
            sequential(make.apply(i + 1));
        }
        return this;
    }

    private Synthetic round(boolean parallel, Conn... conns) {
        round++;
        clockMs += 10;
        Instant start = now();
        List<CorrelatedConnection> joined = new ArrayList<>();
        Set<Integer> withoutEnd = new HashSet<>();
        long roundStart = clockMs;
        // In a parallel round the board logs every accept first, then the rest of each session.
        long[] firstSeq = new long[conns.length];
        if (parallel) {
            for (int i = 0; i < conns.length; i++) {
                firstSeq[i] = ++seq;
            }
        }
        for (int i = 0; i < conns.length; i++) {
            Conn c = conns[i];
            int port = nextPort++;
            long begin = parallel ? roundStart + i : clockMs;
            long end = begin + c.durationMs;
            String id = "b" + boot + "r" + round + "c" + (i + 1);
            List<DeviceEvent> device = new ArrayList<>();
            long t = begin;
            for (int k = 0; k < c.lines.size(); k++) {
                long lineSeq = parallel && k == 0 ? firstSeq[i] : ++seq;
                DeviceEvent.Builder b = DeviceEvent.builder().seq(lineSeq).offset(lineSeq * 80)
                        .hostTime(T0.plusMillis(t++)).boot(boot).port(port).format("board");
                device.add(rebuildRaw(c.lines.get(k).apply(b).build(), port));
            }
            ConnectionRecord record = new ConnectionRecord(id, boot, round, port, "127.0.0.1:8443",
                    T0.plusMillis(begin), T0.plusMillis(end), 1L, 5L, "TLSv1.2", null, c.chain, c.exchanges,
                    c.outcome, c.detail);
            joined.add(new CorrelatedConnection(record, device));
            if (c.withoutEnd) {
                withoutEnd.add(port);
            }
            clockMs = parallel ? Math.max(clockMs, end) : end + 1;
        }
        clockMs += 1;
        rounds.add(new RoundRecord(boot, round, start, now(), joined, List.of(), withoutEnd));
        return this;
    }

    private static DeviceEvent rebuildRaw(DeviceEvent e, int port) {
        if (e.raw() != null) {
            return e;
        }
        String text = e.message() != null ? e.message() : e.type().name().toLowerCase();
        return DeviceEvent.builder().seq(e.seq()).offset(e.offset()).hostTime(e.hostTime()).boot(e.boot())
                .type(e.type()).severity(e.severity()).format(e.format()).port(e.port()).message(text)
                .code(e.code()).alertLevel(e.alertLevel()).alertDescription(e.alertDescription()).state(e.state())
                .path(e.path()).bytes(e.bytes()).status(e.status()).detail(e.detail())
                .raw("1: tls_server.c 1: " + text + ", port " + port).build();
    }

    private Instant now() {
        return T0.plusMillis(clockMs);
    }

    public Evidence evidence() {
        return Evidence.of("synthetic", null, boots, rounds);
    }

    public List<BootRecord> boots() {
        return boots;
    }

    public List<RoundRecord> roundRecords() {
        return rounds;
    }

    public static Conn ok() {
        return new Conn(Outcome.OK).lines(Lines.serverFlight()).line(Lines.done())
                .line(Lines.request("/dashboard.html")).line(Lines.sent("/dashboard.html", 18000))
                .line(Lines.closed("close notify", null))
                .exchange(new Exchange("/dashboard.html", 200, 18000L, 18000, true, 3, Outcome.OK, null));
    }

    public static Conn conn(Outcome outcome, String detail) {
        return new Conn(outcome).detail(detail);
    }

    /** One client connection and what the board logged for it. */
    public static final class Conn {
        final Outcome outcome;
        String detail;
        final List<UnaryOperator<DeviceEvent.Builder>> lines = new ArrayList<>();
        final List<Exchange> exchanges = new ArrayList<>();
        List<String> chain = List.of();
        long durationMs = 10;
        boolean withoutEnd;

        Conn(Outcome outcome) {
            this.outcome = outcome;
        }

        public Conn detail(String d) {
            detail = d;
            return this;
        }

        public Conn line(UnaryOperator<DeviceEvent.Builder> line) {
            lines.add(line);
            return this;
        }

        public Conn lines(List<UnaryOperator<DeviceEvent.Builder>> more) {
            lines.addAll(more);
            return this;
        }

        public Conn exchange(Exchange e) {
            exchanges.add(e);
            return this;
        }

        public Conn chain(List<String> pem) {
            chain = pem;
            return this;
        }

        public Conn lasting(long ms) {
            durationMs = ms;
            return this;
        }

        public Conn withoutEnd() {
            withoutEnd = true;
            return this;
        }
    }

    /** Board log lines as the parser would decode them. */
    public static final class Lines {
        private Lines() {
        }

        public static List<UnaryOperator<DeviceEvent.Builder>> serverFlight() {
            return List.of(b -> b.type(EventType.CONNECTION_ACCEPTED).message("accepted connection from 127.0.0.1"),
                    b -> b.type(EventType.HANDSHAKE_START).message("=> handshake"),
                    state(1), state(2), state(3), state(4), state(6), state(8));
        }

        public static UnaryOperator<DeviceEvent.Builder> state(int n) {
            return b -> b.type(EventType.STATE).state(n).message("server state: " + n);
        }

        public static UnaryOperator<DeviceEvent.Builder> alert(int level, int description) {
            return b -> b.type(EventType.ALERT_RECEIVED).severity(Severity.WARNING).alertLevel(level)
                    .alertDescription(description).message("got an alert message, type: [" + level + ":" + description + "]");
        }

        public static UnaryOperator<DeviceEvent.Builder> handshakeFailed(int code) {
            return b -> b.type(EventType.HANDSHAKE_FAILED).severity(Severity.ERROR).code(code)
                    .message("mbedtls_ssl_handshake failed: " + hex(code));
        }

        public static UnaryOperator<DeviceEvent.Builder> closed(String reason, Integer code) {
            return b -> b.type(EventType.CONNECTION_CLOSED).detail(reason).code(code)
                    .message("connection closed (" + reason + ")");
        }

        public static UnaryOperator<DeviceEvent.Builder> done() {
            return b -> b.type(EventType.HANDSHAKE_DONE).message("handshake done: TLSv1.2 TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256");
        }

        public static UnaryOperator<DeviceEvent.Builder> closeNotify() {
            return b -> b.type(EventType.CLOSE_NOTIFY_RECEIVED).alertLevel(1).alertDescription(0)
                    .message("is a close notify message");
        }

        public static UnaryOperator<DeviceEvent.Builder> request(String path) {
            return b -> b.type(EventType.HTTP_REQUEST).method("GET").path(path).message("GET " + path);
        }

        public static UnaryOperator<DeviceEvent.Builder> sent(String path, long bytes) {
            return b -> b.type(EventType.RESPONSE_SENT).path(path).bytes(bytes).status(200)
                    .message("sent " + bytes + " bytes of " + path + ", status 200");
        }

        public static UnaryOperator<DeviceEvent.Builder> setupFailed() {
            return b -> b.type(EventType.SETUP_FAILED).severity(Severity.ERROR).code(-0x7F00)
                    .message("mbedtls_ssl_setup failed: -0x7f00");
        }

        public static String hex(int code) {
            return "-0x" + String.format("%04x", -code);
        }
    }
}
