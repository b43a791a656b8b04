package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ClientKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hil run --client okhttp|chromium|both} and the side-by-side summary of "both". */
class ClientOptionTest {
    @TempDir
    Path runs;

    @Test
    void clientNamesSelectOneOrBothClients() {
        assertEquals(List.of(ClientKind.OKHTTP), RunCommand.clients("okhttp"));
        assertEquals(List.of(ClientKind.CHROMIUM), RunCommand.clients("Chromium"));
        assertEquals(List.of(ClientKind.OKHTTP, ClientKind.CHROMIUM), RunCommand.clients("both"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RunCommand.clients("curl"));
        assertEquals("--client: 'curl' is not one of okhttp, chromium, both", bad.getMessage());
    }

    @Test
    void anUnknownClientIsAConfigErrorOnOneLine() {
        CommandLine cli = HilCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("run", "--image", "lab-ca", "--client", "curl", "--runs-dir", runs.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--client: 'curl' is not one of okhttp, chromium, both"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void bothClientsAreShownSideBySidePerBoot() {
        Map<String, CampaignResult> results = new LinkedHashMap<>();
        results.put("okhttp", result(Outcome.OK, Outcome.OK));
        results.put("chromium", result(Outcome.CERT_REJECTED, Outcome.CERT_REJECTED));

        List<String> lines = ClientComparison.render(results).lines().toList();

        assertTrue(lines.get(1).startsWith("boot  | okhttp ok   okhttp failures"), lines.get(1));
        assertTrue(lines.get(1).contains("| chromium ok chromium failures"), lines.get(1));
        assertTrue(lines.get(2).matches("1\\s+\\| 1/1\\s+-\\s+\\| 0/1\\s+cert_rejected 2"), lines.get(2));
        assertTrue(lines.get(3).matches("total\\s+\\| 1/1\\s+\\| 0/1"), lines.get(3));
    }

    private static CampaignResult result(Outcome... connections) {
        CampaignSpec spec = new CampaignSpec(1, 1, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html"), 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
        BootRecord boot = new BootRecord(1, ResetKind.HARD, Instant.EPOCH, 1, "power-on", 10L, null);
        List<CorrelatedConnection> correlated = new java.util.ArrayList<>();
        int port = 40000;
        for (Outcome outcome : connections) {
            ConnectionRecord c = new ConnectionRecord("b1r1c" + port, 1, 1, port++, "127.0.0.1:8443", Instant.EPOCH,
                    Instant.EPOCH, 1L, 2L, "TLSv1.2", null, List.of(), List.of(), outcome, null);
            correlated.add(new CorrelatedConnection(c, List.of()));
        }
        RoundRecord round = new RoundRecord(1, 1, Instant.EPOCH, Instant.EPOCH, correlated, List.of(), Set.of());
        return new CampaignResult("lab-ca", "reference-lab-ca", Path.of("/nowhere"), spec, List.of(boot), List.of(round));
    }
}
