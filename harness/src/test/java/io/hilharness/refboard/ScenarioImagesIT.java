package io.hilharness.refboard;

import static io.hilharness.junit.HilAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.client.Exchange;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.console.ConsoleLine;
import io.hilharness.devlog.EventType;
import io.hilharness.image.ImageManifest;
import io.hilharness.junit.AcrossBoots;
import io.hilharness.junit.HilBoard;
import io.hilharness.junit.HilTest;
import io.hilharness.junit.HttpsProbe;
import io.hilharness.junit.LogEvents;
import io.hilharness.junit.ProbeResult;
import io.hilharness.junit.WithImage;
import io.hilharness.testing.BuildReferenceFirmware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each scenario image, driven the way its manifest documents, shows its field symptom on the client side
 * and in the board's log. Written with the project's own JUnit extension: one reference board for the
 * class, each test flashes its image ({@link WithImage}), {@link AcrossBoots} resets between boots. The
 * scenario parameters (K, N, the delay bound) are read from the manifests, so the images and this test
 * cannot drift apart.
 */
@ExtendWith(BuildReferenceFirmware.class)
@HilTest(reference = true)
class ScenarioImagesIT {
    private static final int ALLOC_FAILED = -0x7F00;
    private static final int NO_USABLE_CIPHERSUITE = -0x6980;
    private static final int WANT_WRITE = -0x6880;
    /** README: one TLS session needs mbedTLS 2.28's input and output record buffers, 16717 bytes each. */
    private static final int SESSION_BYTES = 2 * 16717;
    private static final List<String> ROUND = List.of("/dashboard.html", "/style.css");
    /** A browser's round: the page and its stylesheet over 6 connections at once. */
    private static final List<String> PARALLEL_ROUND = List.of("/dashboard.html", "/style.css", "/dashboard.html",
            "/style.css", "/dashboard.html", "/style.css");

    private static List<ProbeResult> rounds(HttpsProbe https, FetchMode mode, int rounds) {
        List<ProbeResult> all = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            all.addAll(https.round(mode, mode == FetchMode.PARALLEL ? PARALLEL_ROUND : ROUND));
        }
        return all;
    }

    @Test
    @WithImage(value = "pathlen0", trust = "image")
    void pathlen0IsRejectedOnEveryConnectionForThePathLengthConstraint(HilBoard board, HttpsProbe https) {
        List<ProbeResult> all = rounds(https, FetchMode.SEQUENTIAL, 2);

        assertEquals(4, all.size());
        for (ProbeResult c : all) {
            assertThat(c).hasOutcome(Outcome.CERT_REJECTED);
            assertTrue(c.connection().outcomeDetail().contains("pathLenConstraint"), c.connection().outcomeDetail());
            assertEquals(3, c.connection().peerChain().size(), "leaf, intermediate B, intermediate A");
            assertThat(board.log().since(c)).contains(EventType.HANDSHAKE_FAILED).doesNotContain(EventType.HTTP_REQUEST);
        }
    }

    @Test
    @WithImage(value = "tiny-heap", trust = "image")
    void tinyHeapCutsParallelConnectionsThatFindNoHeapForTheirSession(HilBoard board, HttpsProbe https) {
        assertEquals(1, board.image().manifest().maxSessions());

        List<ProbeResult> failed = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            List<ProbeResult> connections = https.round(FetchMode.PARALLEL, PARALLEL_ROUND);
            assertEquals(6, connections.size());
            // The heap always holds one session: some connection of every round gets through.
            assertTrue(connections.stream().anyMatch(c -> c.outcome() == Outcome.OK), () -> describe(connections));
            for (ProbeResult c : connections) {
                if (c.outcome() == Outcome.OK) {
                    assertThat(board.log().since(c)).contains(EventType.RESPONSE_SENT);
                } else {
                    failed.add(c);
                }
            }
        }
        assertFalse(failed.isEmpty(), "no parallel connection was cut");
        for (ProbeResult c : failed) {
            assertThat(c).hasOutcome(Outcome.RESET);
            assertThat(board.log().since(c)).contains(EventType.SETUP_FAILED, ALLOC_FAILED)
                    .contains(EventType.ALLOC_FAILED).doesNotContain(EventType.HANDSHAKE_START);
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
    @AcrossBoots(value = 4, reset = ResetKind.HARD)
    @WithImage(value = "boot-race", trust = "image")
    void bootRaceFailsOnlyConnectionsAcceptedBeforeTheCertificateIsLoaded(HilBoard board, HttpsProbe https) {
        int maxDelay = board.image().manifest().certLoadDelayMsMax();
        Duration loadBound = Duration.ofMillis(maxDelay).plusSeconds(10);
        int rounds = 3;
        List<ProbeResult> inOrder = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<ProbeResult> connections = https.round(FetchMode.SEQUENTIAL, ROUND);
            inOrder.addAll(connections);
            boolean ok = connections.stream().allMatch(c -> c.outcome() == Outcome.OK);
            if (round == rounds) {
                assertTrue(ok, () -> "the last round of a boot must pass:\n" + describe(inOrder));
            } else if (!ok) {
                board.console().awaitLine(BootLog.LOADED, loadBound);
            }
        }
        BootLog log = BootLog.of(board.console().linesSinceTestStart());

        assertTrue(log.readyLine >= 0 && log.loadedLine > log.readyLine,
                "the ready line must come before the certificate is loaded: " + log);
        // The bound is the configured delay; loading the files and scheduling add a little.
        assertTrue(log.loadedAfterMs <= maxDelay + 1000, log.toString());
        for (ProbeResult c : inOrder) {
            Long accepted = log.acceptedLine.get(c.localPort());
            assertNotNull(accepted, log + ": the board logged no accept for port " + c.localPort());
            if (c.outcome() != Outcome.OK) {
                assertTrue(accepted < log.loadedLine, "failed after the certificate was loaded: " + c.describe());
                assertThat(c).hasOutcome(Outcome.SERVER_ALERT);
                assertEquals("handshake_failure", c.connection().outcomeDetail());
                assertEquals(NO_USABLE_CIPHERSUITE, board.log().since(c).first(EventType.HANDSHAKE_FAILED).code());
            } else if (accepted > log.loadedLine) {
                assertThat(board.log().since(c)).contains(EventType.HANDSHAKE_DONE);
            }
        }
        // Whatever fails, fails first: no passed connection precedes a failed one within a boot.
        List<Outcome> outcomes = inOrder.stream().map(ProbeResult::outcome).toList();
        int firstOk = outcomes.indexOf(Outcome.OK);
        assertTrue(outcomes.subList(firstOk, outcomes.size()).stream().allMatch(o -> o == Outcome.OK),
                () -> log + ": " + outcomes);
    }

    @AcrossBoots(2)
    @WithImage(value = "leak", trust = "image")
    void leakFailsFromTheConnectionAfterKSinceBootUntilTheNextReset(HilBoard board, HttpsProbe https) {
        ImageManifest manifest = board.image().manifest();
        int k = (manifest.heapBytes() - SESSION_BYTES) / manifest.leakBytesPerConnection() + 1;
        assertEquals(6, k, "the manifest documents K = 6");

        List<ProbeResult> inOrder = rounds(https, FetchMode.SEQUENTIAL, 4);
        assertEquals(8, inOrder.size());
        int boot = board.log().sinceTestStart().first(EventType.BOOT).boot();
        for (int i = 0; i < inOrder.size(); i++) {
            ProbeResult c = inOrder.get(i);
            String where = "boot " + boot + ", connection " + (i + 1) + ": ";
            if (i < k) {
                assertEquals(Outcome.OK, c.outcome(), where + c.describe());
            } else {
                assertEquals(Outcome.RESET, c.outcome(), where + c.describe());
                assertThat(board.log().since(c)).contains(EventType.ALLOC_FAILED);
                assertEquals(ALLOC_FAILED, board.log().since(c).first(EventType.SETUP_FAILED).code(), where);
            }
        }
    }

    @Test
    @WithImage(value = "partial-write", trust = "image")
    void partialWriteTruncatesTheLargeStylesheetWhileThePageArrivesWhole(HilBoard board, HttpsProbe https) {
        assertTrue(board.image().manifest().partialWriteBug());

        for (int round = 1; round <= 2; round++) {
            List<ProbeResult> connections = https.round(FetchMode.SEQUENTIAL, ROUND);
            assertEquals(2, connections.size());
            ProbeResult page = connections.get(0);
            ProbeResult css = connections.get(1);
            assertThat(page).hasOutcome(Outcome.OK);
            assertEquals(Boolean.TRUE, exchange(page).digestOk());
            assertThat(board.log().since(page)).doesNotContain(EventType.DEBUG_RETURN, WANT_WRITE);

            Exchange short_ = exchange(css);
            assertEquals("/style.css", short_.path());
            assertEquals(Outcome.TRUNCATED, short_.outcome(), short_.outcomeDetail());
            assertTrue(short_.bytesReceived() < short_.contentLength(), short_.toString());
            LogEvents cssLog = board.log().since(css);
            assertThat(cssLog).contains(EventType.DEBUG_RETURN, WANT_WRITE);
            // The board believes it sent the whole file: only the client side shows the loss.
            assertEquals(short_.contentLength(), cssLog.first(EventType.RESPONSE_SENT).bytes());
        }
    }

    @Test
    @WithImage(value = "hang", trust = "image")
    void hangTimesOutEveryFetchAfterNConnectionsWhileTheBoardStillAccepts(HilBoard board, HttpsProbe https) {
        int n = board.image().manifest().hangAfterConnections();
        assertEquals(6, n, "the manifest documents N = 6");

        List<List<ProbeResult>> rounds = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            rounds.add(https.withTimeout(Duration.ofSeconds(2)).round(FetchMode.SEQUENTIAL, ROUND));
        }
        List<ProbeResult> inOrder = rounds.stream().flatMap(List::stream).toList();
        assertEquals(8, inOrder.size());
        for (int i = 0; i < inOrder.size(); i++) {
            ProbeResult c = inOrder.get(i);
            if (i < n) {
                assertThat(c).hasOutcome(Outcome.OK);
            } else {
                assertThat(c).hasOutcome(Outcome.TIMEOUT);
                assertThat(board.log().since(c)).contains(EventType.CONNECTION_ACCEPTED)
                        .doesNotContain(EventType.HANDSHAKE_START).doesNotContain(EventType.CONNECTION_CLOSED);
            }
        }
        // The board never ends the sessions of the hung round.
        assertTrue(rounds.get(3).stream().noneMatch(ProbeResult::sessionEnded), () -> describe(rounds.get(3)));
    }

    @Test
    @WithImage(value = "good", trust = "image")
    void goodPassesEveryModeAndReset(HilBoard board, HttpsProbe https) throws Exception {
        boolean firstBoot = true;
        for (FetchMode mode : FetchMode.values()) {
            ResetKind reset = mode == FetchMode.PARALLEL ? ResetKind.HARD : ResetKind.SOFT;
            for (int boot = 1; boot <= 2; boot++) {
                if (!firstBoot) {
                    board.reset(reset);
                }
                firstBoot = false;
                List<ProbeResult> round = https.round(mode, mode == FetchMode.PARALLEL ? PARALLEL_ROUND : ROUND);
                assertFalse(round.isEmpty(), mode.name());
                for (ProbeResult c : round) {
                    assertThat(c).isComplete();
                    assertEquals(2, c.connection().peerChain().size(), "leaf and intermediate");
                }
            }
        }
    }

    private static Exchange exchange(ProbeResult c) {
        assertEquals(1, c.connection().exchanges().size(), c.describe());
        return c.connection().exchanges().get(0);
    }

    private static String describe(List<ProbeResult> connections) {
        return connections.stream().map(c -> "  " + c.describe()).collect(Collectors.joining("\n"));
    }

    /** This boot's console lines: where its ready, accept and certificate lines are. */
    private static final class BootLog {
        static final Pattern LOADED = Pattern.compile("certificate loaded after (\\d+) ms$");
        private static final Pattern BANNER = Pattern.compile(": boot \\d+, reset cause: ");
        private static final Pattern ACCEPTED = Pattern.compile("accepted connection from \\S+, port (\\d+)$");

        final Map<Integer, Long> acceptedLine = new HashMap<>();
        long readyLine = -1;
        long loadedLine = -1;
        long loadedAfterMs = -1;

        /** Lines from the boot's banner on; a test of one boot sees exactly one banner. */
        static BootLog of(List<ConsoleLine> lines) {
            BootLog log = new BootLog();
            int banners = 0;
            for (ConsoleLine l : lines) {
                String line = l.text().strip();
                if (BANNER.matcher(line).find()) {
                    banners++;
                } else if (banners > 0) {
                    Matcher accepted = ACCEPTED.matcher(line);
                    Matcher loaded = LOADED.matcher(line);
                    if (line.contains("httpd ready")) {
                        log.readyLine = l.seq();
                    } else if (accepted.find()) {
                        log.acceptedLine.put(Integer.parseInt(accepted.group(1)), l.seq());
                    } else if (loaded.find()) {
                        log.loadedLine = l.seq();
                        log.loadedAfterMs = Long.parseLong(loaded.group(1));
                    }
                }
            }
            assertEquals(1, banners, "one boot per repetition");
            return log;
        }

        @Override
        public String toString() {
            return "BootLog{ready at line " + readyLine + ", certificate loaded at line " + loadedLine + " after "
                    + loadedAfterMs + " ms}";
        }
    }
}
