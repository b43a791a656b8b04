package io.hilharness.campaign;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.report.SummaryTable;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario image, run with the campaign settings its manifest documents, shows its field symptom
 * on the client side and in the board's log. The scenario parameters (K, N, the delay bound) are read
 * from the manifests, so the images and this test cannot drift apart.
 */
class ScenarioImagesIT {
    private static final int ALLOC_FAILED = -0x7F00;
    private static final int NO_USABLE_CIPHERSUITE = -0x6980;
    private static final int WANT_WRITE = -0x6880;
    /** README: one TLS session needs mbedTLS 2.28's input and output record buffers, 16717 bytes each. */
    private static final int SESSION_BYTES = 2 * 16717;
    private static final List<String> ROUND = List.of("/dashboard.html", "/style.css");

    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private CampaignResult run(String image, int boots, int rounds, FetchMode mode, ResetKind reset,
                               Duration fetchTimeout) throws Exception {
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, reset, ROUND, 6, Duration.ofSeconds(20), fetchTimeout);
        return new ReferenceBoardCampaign(layout, runs).run(image, spec, "image", new CampaignListener() { });
    }

    private static ImageManifest manifest(String image) throws Exception {
        return ImageManifest.read(layout.imageSource(image).resolve(ImageManifest.FILE_NAME));
    }

    @Test
    void pathlen0IsRejectedOnEveryConnectionForThePathLengthConstraint() throws Exception {
        CampaignResult result = run("pathlen0", 1, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT, Duration.ofSeconds(10));

        List<CorrelatedConnection> all = connections(result);
        assertEquals(4, all.size());
        for (CorrelatedConnection c : all) {
            assertEquals(Outcome.CERT_REJECTED, c.client().outcome(), c.client().outcomeDetail());
            assertTrue(c.client().outcomeDetail().contains("pathLenConstraint"), c.client().outcomeDetail());
            assertEquals(3, c.client().peerChain().size(), "leaf, intermediate B, intermediate A");
            assertTrue(has(c, EventType.HANDSHAKE_FAILED), () -> "board logged no failed handshake: " + c.device());
            assertFalse(has(c, EventType.HTTP_REQUEST));
        }
    }

    @Test
    void tinyHeapCutsParallelConnectionsThatFindNoHeapForTheirSession() throws Exception {
        assertEquals(1, manifest("tiny-heap").maxSessions());
        CampaignResult result = run("tiny-heap", 1, 5, FetchMode.PARALLEL, ResetKind.SOFT, Duration.ofSeconds(10));

        List<CorrelatedConnection> failed = new ArrayList<>();
        for (RoundRecord round : result.rounds()) {
            assertEquals(6, round.connections().size());
            // The heap always holds one session: some connection of every round gets through.
            assertTrue(round.connections().stream().anyMatch(c -> c.client().outcome() == Outcome.OK),
                    () -> SummaryTable.render(result));
            for (CorrelatedConnection c : round.connections()) {
                if (c.client().outcome() == Outcome.OK) {
                    assertTrue(has(c, EventType.RESPONSE_SENT));
                } else {
                    failed.add(c);
                }
            }
        }
        assertFalse(failed.isEmpty(), () -> "no parallel connection was cut:\n" + SummaryTable.render(result));
        for (CorrelatedConnection c : failed) {
            assertEquals(Outcome.RESET, c.client().outcome(), c.client().outcomeDetail());
            assertEquals(ALLOC_FAILED, code(c, EventType.SETUP_FAILED), () -> "port " + c.client().localPort() + ": " + c.device());
            assertTrue(has(c, EventType.ALLOC_FAILED), () -> c.device().toString());
            assertFalse(has(c, EventType.HANDSHAKE_START));
        }
    }

    /**
     * The delay is random per boot, so which connections fail is not known beforehand; what is known
     * is the order in the board's log: every failure was accepted before that boot's
     * {@code certificate loaded} line, every connection accepted after it passed, and it came after
     * the ready line within the configured bound. Failed handshakes are fast, so a few rounds could
     * all fall inside the delay; the test paces like a user who, after a failed round, waits for the
     * board's console to say the certificate is loaded (an event, bounded by the configured delay)
     * before trying again, so the later rounds of every boot are sure to come after the load.
     */
    @Test
    void bootRaceFailsOnlyConnectionsAcceptedBeforeTheCertificateIsLoaded() throws Exception {
        int maxDelay = manifest("boot-race").certLoadDelayMsMax();
        int boots = 4;
        int rounds = 3;
        Path tee = runs.resolve("uart-sniffer.bin");
        CampaignListener waitForTheCertificate = new CampaignListener() {
            @Override
            public void roundDone(RoundRecord round) {
                if (!round.ok()) {
                    await().atMost(Duration.ofMillis(maxDelay).plusSeconds(10))
                            .until(() -> count(tee, "certificate loaded after") >= round.boot());
                }
            }
        };
        CampaignSpec spec = new CampaignSpec(boots, rounds, FetchMode.SEQUENTIAL, ResetKind.HARD, ROUND, 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
        CampaignResult result = new ReferenceBoardCampaign(layout, runs).withConsoleTee(tee)
                .run("boot-race", spec, "image", waitForTheCertificate);
        List<BootLog> bootLogs = BootLog.split(Files.readAllLines(result.runDir().resolve("console.raw"), StandardCharsets.UTF_8));

        assertEquals(boots, bootLogs.size());
        for (BootLog log : bootLogs) {
            assertTrue(log.readyLine >= 0 && log.loadedLine > log.readyLine,
                    "the ready line must come before the certificate is loaded: " + log);
            // The bound is the configured delay; loading the files and scheduling add a little.
            assertTrue(log.loadedAfterMs <= maxDelay + 1000, log.toString());
            List<RoundRecord> ofBoot = result.rounds().stream().filter(r -> r.boot() == log.campaignBoot).toList();
            assertEquals(rounds, ofBoot.size());
            assertTrue(ofBoot.get(rounds - 1).ok(), () -> "the last round of a boot must pass:\n" + SummaryTable.render(result));
            List<CorrelatedConnection> inOrder = ofBoot.stream().flatMap(r -> r.connections().stream()).toList();
            for (CorrelatedConnection c : inOrder) {
                Integer accepted = log.acceptedLine.get(c.client().localPort());
                assertNotNull(accepted, log + ": the board logged no accept for port " + c.client().localPort());
                if (c.client().outcome() != Outcome.OK) {
                    assertTrue(accepted < log.loadedLine, "failed after the certificate was loaded: " + c.client());
                    assertEquals(Outcome.SERVER_ALERT, c.client().outcome(), c.client().outcomeDetail());
                    assertEquals("handshake_failure", c.client().outcomeDetail());
                    assertEquals(NO_USABLE_CIPHERSUITE, code(c, EventType.HANDSHAKE_FAILED), () -> c.device().toString());
                } else if (accepted > log.loadedLine) {
                    assertTrue(has(c, EventType.HANDSHAKE_DONE));
                }
            }
            // Whatever fails, fails first: no passed connection precedes a failed one within a boot.
            List<Outcome> outcomes = inOrder.stream().map(c -> c.client().outcome()).toList();
            int firstOk = outcomes.indexOf(Outcome.OK);
            assertTrue(outcomes.subList(firstOk, outcomes.size()).stream().allMatch(o -> o == Outcome.OK),
                    () -> log + ": " + outcomes);
        }
    }

    private static long count(Path file, String text) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Pattern.compile(Pattern.quote(text)).matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).results().count();
    }

    @Test
    void leakFailsFromTheConnectionAfterKSinceBootUntilTheNextReset() throws Exception {
        ImageManifest manifest = manifest("leak");
        int k = (manifest.heapBytes() - SESSION_BYTES) / manifest.leakBytesPerConnection() + 1;
        assertEquals(6, k, "the manifest documents K = 6");
        CampaignResult result = run("leak", 2, 4, FetchMode.SEQUENTIAL, ResetKind.SOFT, Duration.ofSeconds(10));

        for (int boot = 1; boot <= 2; boot++) {
            int b = boot;
            List<CorrelatedConnection> inOrder = result.rounds().stream().filter(r -> r.boot() == b)
                    .flatMap(r -> r.connections().stream()).toList();
            assertEquals(8, inOrder.size());
            for (int i = 0; i < inOrder.size(); i++) {
                CorrelatedConnection c = inOrder.get(i);
                String where = "boot " + b + ", connection " + (i + 1) + ": ";
                if (i < k) {
                    assertEquals(Outcome.OK, c.client().outcome(), where + c.client().outcomeDetail());
                } else {
                    assertEquals(Outcome.RESET, c.client().outcome(), where + c.client().outcomeDetail());
                    assertEquals(ALLOC_FAILED, code(c, EventType.SETUP_FAILED), where + c.device());
                    assertTrue(has(c, EventType.ALLOC_FAILED), where + c.device());
                }
            }
        }
    }

    @Test
    void partialWriteTruncatesTheLargeStylesheetWhileThePageArrivesWhole() throws Exception {
        assertTrue(manifest("partial-write").partialWriteBug());
        CampaignResult result = run("partial-write", 1, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT, Duration.ofSeconds(10));

        for (RoundRecord round : result.rounds()) {
            assertEquals(2, round.connections().size());
            CorrelatedConnection page = round.connections().get(0);
            CorrelatedConnection css = round.connections().get(1);
            assertEquals(Outcome.OK, page.client().outcome(), page.client().outcomeDetail());
            assertEquals(Boolean.TRUE, exchange(page).digestOk());
            assertFalse(hasCode(page, EventType.DEBUG_RETURN, WANT_WRITE));

            Exchange short_ = exchange(css);
            assertEquals("/style.css", short_.path());
            assertEquals(Outcome.TRUNCATED, short_.outcome(), short_.outcomeDetail());
            assertTrue(short_.bytesReceived() < short_.contentLength(), short_.toString());
            assertTrue(hasCode(css, EventType.DEBUG_RETURN, WANT_WRITE), () -> css.device().toString());
            // The board believes it sent the whole file: only the client side shows the loss.
            DeviceEvent sent = event(css, EventType.RESPONSE_SENT);
            assertEquals(short_.contentLength(), sent.bytes());
        }
    }

    @Test
    void hangTimesOutEveryFetchAfterNConnectionsWhileTheBoardStillAccepts() throws Exception {
        int n = manifest("hang").hangAfterConnections();
        assertEquals(6, n, "the manifest documents N = 6");
        CampaignResult result = run("hang", 1, 4, FetchMode.SEQUENTIAL, ResetKind.SOFT, Duration.ofSeconds(2));

        List<CorrelatedConnection> inOrder = connections(result);
        assertEquals(8, inOrder.size());
        for (int i = 0; i < inOrder.size(); i++) {
            CorrelatedConnection c = inOrder.get(i);
            if (i < n) {
                assertEquals(Outcome.OK, c.client().outcome(), c.client().outcomeDetail());
            } else {
                assertEquals(Outcome.TIMEOUT, c.client().outcome(), c.client().outcomeDetail());
                assertTrue(has(c, EventType.CONNECTION_ACCEPTED), () -> c.device().toString());
                assertFalse(has(c, EventType.HANDSHAKE_START), () -> c.device().toString());
                assertFalse(has(c, EventType.CONNECTION_CLOSED), () -> c.device().toString());
            }
        }
        RoundRecord hung = result.rounds().get(3);
        assertEquals(hung.connections().stream().map(c -> c.client().localPort()).collect(java.util.stream.Collectors.toSet()),
                hung.sessionsWithoutEnd());
    }

    @Test
    void goodPassesEveryModeAndReset() throws Exception {
        for (FetchMode mode : FetchMode.values()) {
            CampaignResult result = run("good", 2, 1, mode, mode == FetchMode.PARALLEL ? ResetKind.HARD : ResetKind.SOFT,
                    Duration.ofSeconds(10));
            assertTrue(result.allPassed(), () -> mode + "\n" + SummaryTable.render(result));
            assertTrue(connections(result).stream().allMatch(c -> c.client().peerChain().size() == 2),
                    "leaf and intermediate");
        }
    }

    private static List<CorrelatedConnection> connections(CampaignResult result) {
        return result.rounds().stream().flatMap(r -> r.connections().stream()).toList();
    }

    private static Exchange exchange(CorrelatedConnection c) {
        ConnectionRecord client = c.client();
        assertEquals(1, client.exchanges().size(), client.toString());
        return client.exchanges().get(0);
    }

    private static boolean has(CorrelatedConnection c, EventType type) {
        return c.device().stream().anyMatch(e -> e.type() == type);
    }

    private static boolean hasCode(CorrelatedConnection c, EventType type, int code) {
        return c.device().stream().anyMatch(e -> e.type() == type && e.code() != null && e.code() == code);
    }

    private static DeviceEvent event(CorrelatedConnection c, EventType type) {
        return c.device().stream().filter(e -> e.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for port " + c.client().localPort() + ": " + c.device()));
    }

    private static Integer code(CorrelatedConnection c, EventType type) {
        return event(c, type).code();
    }

    /** One boot's section of the console capture: where its ready, accept and certificate lines are. */
    private static final class BootLog {
        private static final Pattern BANNER = Pattern.compile(": boot \\d+, reset cause: ");
        private static final Pattern ACCEPTED = Pattern.compile("accepted connection from \\S+, port (\\d+)$");
        private static final Pattern LOADED = Pattern.compile("certificate loaded after (\\d+) ms$");

        final int campaignBoot;
        final Map<Integer, Integer> acceptedLine = new HashMap<>();
        int readyLine = -1;
        int loadedLine = -1;
        long loadedAfterMs = -1;

        private BootLog(int campaignBoot) {
            this.campaignBoot = campaignBoot;
        }

        static List<BootLog> split(List<String> lines) {
            List<BootLog> boots = new ArrayList<>();
            BootLog current = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (BANNER.matcher(line).find()) {
                    current = new BootLog(boots.size() + 1);
                    boots.add(current);
                } else if (current != null) {
                    Matcher accepted = ACCEPTED.matcher(line);
                    Matcher loaded = LOADED.matcher(line);
                    if (line.contains("httpd ready")) {
                        current.readyLine = i;
                    } else if (accepted.find()) {
                        current.acceptedLine.put(Integer.parseInt(accepted.group(1)), i);
                    } else if (loaded.find()) {
                        current.loadedLine = i;
                        current.loadedAfterMs = Long.parseLong(loaded.group(1));
                    }
                }
            }
            return boots;
        }

        @Override
        public String toString() {
            return "BootLog{boot " + campaignBoot + ", ready at line " + readyLine + ", certificate loaded at line "
                    + loadedLine + " after " + loadedAfterMs + " ms}";
        }
    }
}
