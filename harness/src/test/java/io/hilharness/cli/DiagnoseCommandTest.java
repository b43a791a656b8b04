package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.capture.CloseKind;
import io.hilharness.capture.Direction;
import io.hilharness.capture.Side;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.capture.WireRecord;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.ServerIdentity;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.run.BootRecord;
import io.hilharness.run.Journal;
import io.hilharness.run.RoundRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DiagnoseCommandTest {
    @TempDir
    Path run;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int hil(String... args) {
        CommandLine cli = HilCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Two boots, every connection ended by an unknown_ca alert on the board. */
    private void writeJournal() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        long seq = 0;
        try (Journal journal = new Journal(run.resolve("journal.jsonl"))) {
            journal.append("campaign", Map.of("image", "selfsigned"));
            for (int boot = 1; boot <= 2; boot++) {
                journal.append("boot", new BootRecord(boot, ResetKind.SOFT, t, boot, "soft", 50L, null));
                List<CorrelatedConnection> connections = new ArrayList<>();
                for (int c = 1; c <= 3; c++) {
                    int port = 50000 + boot * 10 + c;
                    ConnectionRecord client = new ConnectionRecord("b" + boot + "r1c" + c, boot, 1, port, "127.0.0.1:8443",
                            t.plusMillis(100 * c), t.plusMillis(100 * c + 20), 1L, 5L, null, null, List.of(), List.of(),
                            Outcome.ERROR, "unknown");
                    List<DeviceEvent> device = List.of(
                            DeviceEvent.builder().seq(++seq).offset(seq * 70).hostTime(t.plusMillis(100 * c)).boot(boot)
                                    .port(port).type(EventType.STATE).state(8).raw("8: ssl_srv.c 4511: server state: 8, port " + port).build(),
                            DeviceEvent.builder().seq(++seq).offset(seq * 70).hostTime(t.plusMillis(100 * c + 1)).boot(boot)
                                    .port(port).type(EventType.ALERT_RECEIVED).alertLevel(2).alertDescription(48)
                                    .raw("9: WARNING: ssl_msg.c 4698: got an alert message, type: [2:48], port " + port).build());
                    connections.add(new CorrelatedConnection(client, device));
                }
                journal.append("round", new RoundRecord(boot, 1, t, t.plusSeconds(1), connections, List.of(), Set.of()));
            }
        }
    }

    /** wire.json beside the journal: each boot's connections got another self-signed leaf, and sent alert 48. */
    private void writeWireWithACertificatePerBoot() throws Exception {
        List<WireConversation> conversations = new ArrayList<>();
        int stream = 0;
        for (int boot = 1; boot <= 2; boot++) {
            String leaf = HexFormat.of().formatHex(LabPki.selfSignedLeaf(
                    new ServerIdentity("boot" + boot, List.of("127.0.0.1"), List.of())).leaf().getEncoded());
            for (int c = 1; c <= 3; c++) {
                Instant at = Instant.parse("2026-01-01T00:00:00Z").plusMillis(100 * c);
                List<WireRecord> records = List.of(
                        new WireRecord(Direction.CLIENT_TO_SERVER, at, List.of(22), List.of(1), null, null, 4),
                        new WireRecord(Direction.SERVER_TO_CLIENT, at, List.of(22, 22, 22, 22), List.of(2, 11, 12, 14), null, null, 6),
                        new WireRecord(Direction.CLIENT_TO_SERVER, at, List.of(21), List.of(), 2, 48, 8));
                conversations.add(new WireConversation(50000 + boot * 10 + c, stream++, at, records, Side.CLIENT, CloseKind.FIN,
                        List.of(), 0, 0, 200, 900, List.of(leaf), 9, null));
            }
        }
        new WireEvidence(true, "capture.pcapng", null, 8443, conversations).write(run);
    }

    @Test
    void aRunFoldersCaptureJoinsTheDiagnosis() throws Exception {
        writeJournal();
        writeWireWithACertificatePerBoot();
        assertEquals(1, hil("diagnose", run.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("certificate-changed"), text);
        assertTrue(text.contains("boot 1: leaf 'CN=boot1'"), text);
        assertTrue(text.contains("wire: tcp.stream 0, frame 6, board -> client: ServerHello, Certificate, ServerKeyExchange, ServerHelloDone"), text);
        assertTrue(text.contains("on the wire: client sent fatal alert 48 unknown_ca in 6 of 6 captured rejected handshakes"), text);
        assertTrue(text.contains("wire: tcp.stream 0, frame 8, client -> board: fatal alert 48 unknown_ca"), text);
    }

    @Test
    void diagnosesARunFolder() throws Exception {
        writeJournal();
        assertEquals(1, hil("diagnose", run.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Diagnosis of selfsigned: 1 finding (6 of 6 connections failed; 6 of 6 failures explained by 1 finding)"), text);
        assertTrue(text.contains("certificate-rejected"), text);
        assertTrue(text.contains("console line 2 (byte 140): 9: WARNING: ssl_msg.c 4698: got an alert message, type: [2:48], port 50011"), text);
    }

    @Test
    void printsJsonOnRequest() throws Exception {
        writeJournal();
        assertEquals(1, hil("diagnose", "--json", run.resolve("journal.jsonl").toString()));
        assertTrue(out.toString().contains("\"rule\" : \"certificate-rejected\""), out.toString());
    }

    @Test
    void aBadJournalIsOneLineAndExitTwo() throws Exception {
        Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"campaign\",\"data\":{\"image\":\"x\"}}\nnot json\n{}\n");
        assertEquals(HilCli.EXIT_CONFIG_ERROR, hil("diagnose", run.toString()));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("hil: " + run.resolve("journal.jsonl") + ":2: not a JSON record"), message);
        assertFalse(message.contains("\tat "), message);
    }
}
