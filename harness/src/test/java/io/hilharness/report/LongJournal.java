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
import io.hilharness.json.Json;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal of a long run, in the records a campaign writes: boots of ten rounds, two connections
 * a round, each with as many device lines as asked; every connection passes but the second of one
 * round. Written without a sync per record (a campaign syncs each), so that hundreds of megabytes
 * take seconds.
 */
public final class LongJournal {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    public static final int ROUNDS_PER_BOOT = 10;

    private final int boots;
    private final int linesPerConnection;
    private final int failedBoot;
    private final int failedRound;
    private long seq;

    /** @param failedBoot boot of the one round whose second connection fails (0: none fails) */
    public LongJournal(int boots, int linesPerConnection, int failedBoot, int failedRound) {
        this.boots = boots;
        this.linesPerConnection = linesPerConnection;
        this.failedBoot = failedBoot;
        this.failedRound = failedRound;
    }

    public int rounds() {
        return boots * ROUNDS_PER_BOOT;
    }

    public RunFolder write(Path dir) throws IOException {
        Files.createDirectories(dir);
        RunFolder run = new RunFolder(dir);
        CampaignSpec spec = new CampaignSpec(boots, ROUNDS_PER_BOOT, FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of("/dashboard.html", "/style.css"), 6, Duration.ofSeconds(20), Duration.ofSeconds(10));
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(run.journal(), StandardCharsets.UTF_8), 1 << 20)) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("image", "good");
            header.put("board", "reference-good");
            header.put("endpoint", "127.0.0.1:8443");
            header.put("spec", spec);
            header.put("started", T0);
            append(out, "campaign", header);
            for (int boot = 1; boot <= boots; boot++) {
                Instant bootAt = T0.plusSeconds(boot * 20L);
                append(out, "boot", new BootRecord(boot, ResetKind.SOFT, bootAt, boot, "soft", 10L, null));
                for (int round = 1; round <= ROUNDS_PER_BOOT; round++) {
                    boolean fails = boot == failedBoot && round == failedRound;
                    append(out, "round", round(boot, round, bootAt.plusSeconds(round), fails ? Outcome.SERVER_ALERT : Outcome.OK));
                }
            }
            append(out, "end", Map.of("at", T0.plusSeconds(boots * 20L + 20), "passed", failedBoot == 0, "boots", boots));
        }
        Files.write(run.consoleCapture(), new byte[] {'o', 'k', '\n'});
        return run;
    }

    private static void append(Writer out, String type, Object payload) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("data", payload);
        out.write(Json.mapper().writeValueAsString(record));
        out.write('\n');
    }

    private RoundRecord round(int boot, int round, Instant start, Outcome second) {
        List<CorrelatedConnection> connections = List.of(connection(boot, round, 1, start, Outcome.OK),
                connection(boot, round, 2, start.plusMillis(300), second));
        return new RoundRecord(boot, round, start, start.plusMillis(600), connections, List.of(), Set.of());
    }

    private CorrelatedConnection connection(int boot, int round, int n, Instant start, Outcome outcome) {
        int port = 32_768 + (boot * ROUNDS_PER_BOOT * 2 + round * 2 + n) % 28_000;
        boolean ok = outcome == Outcome.OK;
        ConnectionRecord client = new ConnectionRecord("b" + boot + "r" + round + "c" + n, boot, round, port,
                "127.0.0.1:8443", start, start.plusMillis(250), 1L, 120L, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                List.of("-----BEGIN CERTIFICATE-----\nMIIBrjCCAVSgAwIBAgIJAXxziO5KS0bU\n-----END CERTIFICATE-----\n"),
                List.of(new Exchange(n == 1 ? "/dashboard.html" : "/style.css", ok ? 200 : null, ok ? 512L : null,
                        ok ? 512 : 0, ok ? Boolean.TRUE : null, 100, outcome, ok ? null : "fatal alert")),
                outcome, ok ? null : "fatal alert");
        List<DeviceEvent> device = new ArrayList<>(linesPerConnection);
        for (int i = 0; i < linesPerConnection; i++) {
            long line = ++seq;
            String text = "ssl_srv.c 4499: server state: " + (i % 17) + ", port " + port;
            device.add(DeviceEvent.builder().seq(line).offset(line * 60).hostTime(start.plusMillis(i % 250)).boot(boot)
                    .deviceMs(line).type(EventType.STATE).severity(Severity.INFO).port(port).file("ssl_srv.c").line(4499)
                    .message(text).raw(line + ": " + text).build());
        }
        return new CorrelatedConnection(client, device);
    }
}
