package io.hilharness.report;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.Journal;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run folder written the way a campaign writes one, with hostile device text, and then killed:
 * 3 boots x 2 rounds; boot 1 passes round 1 and fails round 2 (server alert), boot 2 never gets
 * ready, boot 3 passes round 1 and the run dies while journaling round 2.
 */
public final class CraftedRun {
    static final String SCRIPT = "<script>alert(\"pwned\")</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String CDATA_END = "]]>";
    static final String KEY_BODY = "MHcCAQEEIKEYMATERIALNEVERINAREPORT";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    final CampaignSpec spec = new CampaignSpec(3, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT,
            List.of("/dashboard.html", "/style.css"), 6, Duration.ofSeconds(20), Duration.ofSeconds(10));
    final List<BootRecord> boots = new ArrayList<>();
    final List<RoundRecord> rounds = new ArrayList<>();
    private long seq;

    public CraftedRun() {
        boots.add(new BootRecord(1, ResetKind.HARD, T0, 1, "power-on", 90L, null));
        rounds.add(round(1, 1, 1_000, Outcome.OK, Outcome.OK));
        rounds.add(round(1, 2, 2_000, Outcome.OK, Outcome.SERVER_ALERT));
        boots.add(new BootRecord(2, ResetKind.SOFT, T0.plusSeconds(3), null, null, null,
                "no ready line within 20 s; last console lines: " + SCRIPT));
        boots.add(new BootRecord(3, ResetKind.SOFT, T0.plusSeconds(30), 3, "software", 12L, null));
        rounds.add(round(3, 1, 31_000, Outcome.OK, Outcome.OK));
    }

    /** Writes the journal as Campaign does, then a record cut short as by a kill. */
    public RunFolder write(Path dir) throws IOException {
        RunFolder run = new RunFolder(dir);
        try (Journal journal = new Journal(run.journal())) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("image", "lab-ca");
            header.put("board", "reference-" + SCRIPT);
            header.put("endpoint", "127.0.0.1:8443");
            header.put("spec", spec);
            header.put("started", T0);
            journal.append("campaign", header);
            journal.append("flash", Map.of("image", "lab-ca", "at", T0));
            journal.append("boot", boots.get(0));
            journal.append("round", rounds.get(0));
            journal.append("round", rounds.get(1));
            journal.append("boot", boots.get(1));
            journal.append("boot", boots.get(2));
            journal.append("round", rounds.get(2));
        }
        Files.writeString(run.journal(), "{\"type\":\"round\",\"data\":{\"boot\":3,\"round\":2,\"sta",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.write(run.consoleCapture(), new byte[] {'o', 'k', '\n'});
        return run;
    }

    private RoundRecord round(int boot, int round, long atMs, Outcome first, Outcome second) {
        Instant start = T0.plusMillis(atMs);
        List<CorrelatedConnection> connections = List.of(
                connection(boot, round, 1, start, first),
                connection(boot, round, 2, start.plusMillis(300), second));
        return new RoundRecord(boot, round, start, start.plusMillis(600), connections, List.of(), Set.of());
    }

    private CorrelatedConnection connection(int boot, int round, int n, Instant start, Outcome outcome) {
        int port = 40000 + boot * 100 + round * 10 + n;
        boolean ok = outcome == Outcome.OK;
        String detail = ok ? null : "fatal alert " + SCRIPT;
        ConnectionRecord client = new ConnectionRecord("b" + boot + "r" + round + "c" + n, boot, round, port,
                "127.0.0.1:8443", start, start.plusMillis(250), 1L, 120L, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                List.of(), List.of(new Exchange(n == 1 ? "/dashboard.html" : "/style.css", ok ? 200 : null, ok ? 512L : null,
                ok ? 512 : 0, ok ? Boolean.TRUE : null, 100, outcome, detail)), outcome, detail);
        List<DeviceEvent> device = new ArrayList<>();
        device.add(event(start.plusMillis(2), EventType.CONNECTION_ACCEPTED, Severity.INFO, port,
                "accepted connection from 127.0.0.1, port " + port));
        if (!ok) {
            device.add(event(start.plusMillis(100), EventType.ALERT_SENT, Severity.ERROR, port,
                    "send alert " + SCRIPT + " " + IMG + " " + CDATA_END + " bell\u0007, port " + port));
            device.add(event(start.plusMillis(101), EventType.OTHER, Severity.WARNING, port, "-----BEGIN EC " + "PRIVATE KEY-----"));
            device.add(event(start.plusMillis(102), EventType.OTHER, Severity.WARNING, port, KEY_BODY));
            device.add(event(start.plusMillis(103), EventType.OTHER, Severity.WARNING, port, "-----END EC " + "PRIVATE KEY-----"));
        }
        device.add(event(start.plusMillis(240), EventType.CONNECTION_CLOSED, Severity.INFO, port,
                "connection closed, port " + port));
        return new CorrelatedConnection(client, device);
    }

    private DeviceEvent event(Instant at, EventType type, Severity severity, int port, String text) {
        long n = ++seq;
        return DeviceEvent.builder().seq(n).offset(n * 80).hostTime(at).boot(1).type(type).severity(severity)
                .port(port).message(text).raw(text).build();
    }
}
