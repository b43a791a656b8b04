package io.hilharness.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.report.RecordedRun;
import io.hilharness.report.RunReports;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference firmware for real: a static mbedTLS binary, its console on a pty opened through
 * jSerialComm, HTTPS over loopback, soft and hard resets.
 */
class ReferenceBoardRunnerIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private static CampaignSpec spec(ResetKind reset, FetchMode mode, int rounds) {
        return new CampaignSpec(3, rounds, mode, reset, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(ResetKind.class)
    void labCaPassesEveryRoundAcrossThreeBoots(ResetKind reset) throws Exception {
        Path tee = runs.resolve("uart-sniffer.bin");
        CampaignResult result = new ReferenceBoardRunner(layout, runs).withConsoleTee(tee)
                .run("lab-ca", spec(reset, FetchMode.SEQUENTIAL, 3), TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> io.hilharness.report.SummaryTable.render(result));
        assertEquals(3, result.boots().size());
        assertEquals(9, result.rounds().size());
        // Every boot is a new boot of the board: its own counter goes up by one each time.
        List<Integer> deviceBoots = result.boots().stream().map(BootRecord::deviceBoot).toList();
        assertEquals(IntStream.rangeClosed(1, 3).boxed().toList(), deviceBoots);
        assertEquals("power-on", result.boots().get(0).resetCause());
        String laterCause = reset == ResetKind.SOFT ? "soft" : "power-on";
        assertEquals(laterCause, result.boots().get(2).resetCause());
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertTrue(has(c, EventType.HANDSHAKE_DONE), "board logged no handshake for port " + c.client().localPort());
                assertTrue(has(c, EventType.RESPONSE_SENT), "board logged no response for port " + c.client().localPort());
            }
            assertTrue(round.unmatchedDevice().isEmpty(), "device sessions nobody opened: " + round.unmatchedDevice());
        }
        // The capture holds exactly the bytes the firmware wrote to its console, across all boots.
        assertArrayEquals(Files.readAllBytes(tee), Files.readAllBytes(result.runDir().resolve("console.raw")));
        assertRunFolderComplete(result, 9);
    }

    @Test
    void selfsignedIsRejectedAsACertificateProblemAndTheBoardLogsTheAbortedHandshake() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .run("selfsigned", spec(ResetKind.SOFT, FetchMode.SEQUENTIAL, 2), TrustOption.SYSTEM, new CampaignListener() { }).result();

        assertFalse(result.allPassed());
        assertEquals(1, result.exitCode());
        assertEquals(6, result.rounds().size());
        for (RoundRecord round : result.rounds()) {
            assertEquals(2, round.connections().size());
            for (CorrelatedConnection c : round.connections()) {
                assertEquals(Outcome.CERT_REJECTED, c.client().outcome(), c.client().outcomeDetail());
                assertTrue(c.client().outcomeDetail().contains("PKIX"), c.client().outcomeDetail());
                assertFalse(c.client().peerChain().isEmpty(), "the rejected chain is recorded for the diagnosis");
                DeviceEvent failed = c.device().stream().filter(e -> e.type() == EventType.HANDSHAKE_FAILED)
                        .findFirst().orElseThrow(() -> new AssertionError("board logged no failed handshake for port "
                                + c.client().localPort() + ": " + c.device()));
                assertEquals(c.client().localPort(), failed.port());
                assertNotNull(failed.code());
                assertFalse(has(c, EventType.HTTP_REQUEST), "no request may reach the board over a rejected handshake");
            }
        }
        assertRunFolderComplete(result, 6);
    }

    @Test
    void parallelAndKeepaliveModesPassOnLabCa() throws Exception {
        for (FetchMode mode : List.of(FetchMode.PARALLEL, FetchMode.KEEPALIVE)) {
            CampaignSpec spec = new CampaignSpec(1, 3, mode, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"), 6,
                    Duration.ofSeconds(20), Duration.ofSeconds(10));
            CampaignResult result = new ReferenceBoardRunner(layout, runs)
                    .run("lab-ca", spec, TrustOption.IMAGE, new CampaignListener() { }).result();
            assertTrue(result.allPassed(), () -> mode + "\n" + io.hilharness.report.SummaryTable.render(result));
            int expectedConnections = mode == FetchMode.PARALLEL ? 6 : 1;
            for (RoundRecord round : result.rounds()) {
                assertEquals(expectedConnections, round.connections().size(), mode.name());
                assertEquals(expectedConnections,
                        round.connections().stream().map(c -> c.client().localPort()).distinct().count(), mode.name());
            }
        }
    }

    @Test
    void theMbedtlsNativeLogFormatIsParsedAndCorrelatedToo() throws Exception {
        CampaignSpec spec = new CampaignSpec(1, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT,
                List.of("/dashboard.html", "/style.css"), 6, Duration.ofSeconds(20), Duration.ofSeconds(10));
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .run("lab-ca-native-log", spec, TrustOption.IMAGE, new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> io.hilharness.report.SummaryTable.render(result));
        assertEquals(1, result.boots().get(0).deviceBoot());
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertTrue(has(c, EventType.HANDSHAKE_START) && has(c, EventType.RESPONSE_SENT),
                        "native-format lines not joined for port " + c.client().localPort() + ": " + c.device());
                assertTrue(c.device().stream().anyMatch(e -> "mbedtls".equals(e.format())));
            }
        }
    }

    private static boolean has(CorrelatedConnection c, EventType type) {
        return c.device().stream().anyMatch(e -> e.type() == type);
    }

    private static void assertRunFolderComplete(CampaignResult result, int rounds) throws Exception {
        Path dir = result.runDir();
        List<JsonNode> journal = Files.readAllLines(dir.resolve("journal.jsonl")).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError("journal line is not JSON: " + line, e);
            }
        }).toList();
        assertEquals(rounds, journal.stream().filter(n -> n.get("type").asText().equals("round")).count());
        assertEquals("end", journal.get(journal.size() - 1).get("type").asText());
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("rounds ok"));
        JsonNode timeline = Json.mapper().readTree(dir.resolve("timeline.json").toFile());
        assertTrue(timeline.get("connections").size() >= rounds);
        assertTrue(Files.size(dir.resolve("console.raw")) > 0);

        // hil report on the finished run: nothing to note, and the same summary the campaign wrote.
        String summary = Files.readString(dir.resolve("summary.json"));
        RecordedRun rebuilt = RunReports.rebuild(new RunFolder(dir));
        assertEquals(List.of(), rebuilt.notes());
        assertEquals(summary, Files.readString(dir.resolve("summary.json")));
    }
}
