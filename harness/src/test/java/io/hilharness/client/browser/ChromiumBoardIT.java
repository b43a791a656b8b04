package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hilharness.board.Board;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.HostBoard;
import io.hilharness.campaign.Campaign;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.certs.Trust;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import io.hilharness.testing.ReferenceFirmware;
import io.hilharness.testing.CampaignExplained;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real headless Chromium against the reference board, both inside a private network namespace that
 * has only loopback: nothing the browser tries can leave the machine, and the NetLog must show that
 * every socket it opened went to the board.
 */
class ChromiumBoardIT {
    /** mbedTLS: SSL_FATAL_ALERT_MESSAGE and NET_CONN_RESET. */
    private static final int FATAL_ALERT = -0x7780;
    private static final int CONN_RESET = -0x0050;
    private static final List<String> ROUND = List.of("/dashboard.html", "/style.css");
    private static ProjectLayout layout;

    @TempDir
    Path tmp;

    private LoopbackNamespace namespace;

    @BeforeAll
    static void needsChromiumAndFirmware() throws Exception {
        assumeTrue(Chromium.locate().isPresent(),
                "Chromium is not installed and could not be (ci/test installs the Debian package chromium as root)");
        layout = ReferenceFirmware.built();
    }

    @BeforeEach
    void privateNetwork() throws Exception {
        LoopbackNamespace.Result made = LoopbackNamespace.create();
        assumeTrue(made.namespace().isPresent(), made::whyNot);
        namespace = made.namespace().get();
    }

    @AfterEach
    void dropNetwork() throws Exception {
        if (namespace != null) {
            namespace.close();
        }
    }

    private static CampaignSpec spec() {
        return new CampaignSpec(2, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT, ROUND, 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    private CampaignResult campaign(String imageName, Trust trust) throws Exception {
        FirmwareImage built = new ImageBuilder(layout).build(imageName);
        FirmwareImage image = FirmwareImage.load(
                namespace.wrapImage(built.dir(), tmp.resolve("image-" + imageName), FirmwareImage.BINARY_NAME));
        RunFolder run = RunFolder.create(tmp.resolve("runs"), imageName);
        try (Board board = HostBoard.create("reference-" + imageName, run.boardDir(), 0, run.consoleCapture(),
                Optional.empty());
             ChromiumDriver chromium = ChromiumDriver.builder(board.endpoint().getHostString(), board.endpoint().getPort())
                     .trust(trust)
                     .launcher(namespace.launcher())
                     .roundTimeout(Duration.ofSeconds(45))
                     .workDir(run.dir().resolve("chromium"))
                     .build()) {
            return new Campaign(spec(), board, image, chromium::runRound, run, new CampaignListener() { }).run();
        }
    }

    @Test
    void aSelfSignedBoardGetsTheBrowsersAlert46OnThePortsChromiumReports() throws Exception {
        CampaignResult result = campaign("selfsigned", Trust.system());

        assertEquals(4, result.rounds().size(), () -> CampaignExplained.of(result));
        int alerts = 0;
        for (RoundRecord round : result.rounds()) {
            assertFalse(round.connections().isEmpty());
            assertEveryConnectionWentToTheBoard(round, result);
            for (CorrelatedConnection c : round.connections()) {
                ConnectionRecord client = c.client();
                assertEquals(Outcome.CERT_REJECTED, client.outcome(), client.outcomeDetail());
                assertTrue(client.outcomeDetail().contains("ERR_CERT_AUTHORITY_INVALID"), client.outcomeDetail());
                assertFalse(has(c, EventType.HTTP_REQUEST), "no request may reach the board over a rejected handshake");
                // The board reads the alert unless the browser closed the socket while the board was still
                // writing its handshake messages: then the board logs a reset (-0x0050) instead. Which
                // one happens is a race, so each connection must show one of the two.
                DeviceEvent failed = c.device().stream().filter(e -> e.type() == EventType.HANDSHAKE_FAILED).findFirst()
                        .orElseThrow(() -> new AssertionError("board logged no failed handshake for port "
                                + client.localPort() + ": " + types(c)));
                assertNotNull(failed.code(), failed.raw());
                int code = failed.code();
                assertTrue(code == FATAL_ALERT || code == CONN_RESET, "port " + client.localPort() + ": " + failed.raw());
                assertEquals(code == FATAL_ALERT, has(c, EventType.ALERT_RECEIVED), "port " + client.localPort());
                for (DeviceEvent alert : c.device()) {
                    if (alert.type() == EventType.ALERT_RECEIVED) {
                        assertTrue(client.outcomeDetail().contains("sent alert fatal 46"), client.outcomeDetail());
                        assertEquals(client.localPort(), alert.port());
                        assertEquals(2, alert.alertLevel());
                        assertEquals(46, alert.alertDescription());
                        alerts++;
                    }
                }
            }
            assertTrue(round.unmatchedDevice().isEmpty(), "board sessions Chromium did not report: "
                    + round.unmatchedDevice());
        }
        assertTrue(alerts >= 1, "the board never logged Chromium's alert 46");
    }

    @Test
    void theGoodBoardTrustedThroughTheProfilesNssDatabaseLoadsPageAndStylesheetEveryRound() throws Exception {
        assumeTrue(onPath(NssDatabase.CERTUTIL), "certutil is not installed (Debian package libnss3-tools; ci/test installs it)");
        // "good": the control image, a lab-CA chain with an intermediate and enough heap.
        FirmwareImage labCa = new ImageBuilder(layout).build("good");
        CampaignResult result = campaign("good", TrustOption.IMAGE.resolve(labCa));

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        Map<String, Long> sizes = Map.of("/dashboard.html", size(labCa, "dashboard.html"),
                "/style.css", size(labCa, "style.css"));
        for (RoundRecord round : result.rounds()) {
            assertEveryConnectionWentToTheBoard(round, result);
            Map<String, Exchange> loaded = round.connections().stream()
                    .flatMap(c -> c.client().exchanges().stream())
                    .collect(Collectors.toMap(Exchange::path, Function.identity(), (a, b) -> a));
            for (String path : ROUND) {
                Exchange x = loaded.get(path);
                assertNotNull(x, path + " not loaded in round " + round.round());
                assertEquals(200, x.httpStatus());
                assertEquals(sizes.get(path), x.bytesReceived(), path);
            }
            for (CorrelatedConnection c : round.connections()) {
                // The page's own requests: the board answered exactly those the browser got answers to. The
                // browser also asks for /favicon.ico after the page and may be stopped before its NetLog
                // records that answer, so the board's answer to it may be the only one.
                List<String> served = c.device().stream().filter(e -> e.type() == EventType.RESPONSE_SENT)
                        .map(DeviceEvent::path).toList();
                List<String> fetched = c.client().exchanges().stream().filter(x -> x.httpStatus() != null)
                        .map(Exchange::path).toList();
                assertEquals(fetched.stream().filter(ROUND::contains).toList(), served.stream().filter(ROUND::contains).toList(),
                        "responses on port " + c.client().localPort() + ": board " + served + ", browser " + fetched);
                assertTrue(served.stream().allMatch(path -> ROUND.contains(path) || path.equals("/favicon.ico")),
                        "the board answered a request nobody made: " + served);
                // A speculative socket the browser opened and closed unused never reaches a handshake.
                if (!fetched.isEmpty()) {
                    assertTrue(has(c, EventType.HANDSHAKE_DONE), "board logged no handshake for port " + c.client().localPort());
                }
            }
            assertTrue(round.unmatchedDevice().isEmpty(), "board sessions Chromium did not report: "
                    + round.unmatchedDevice());
        }
    }

    /** The NetLog's own word: every socket the browser opened, to any address, went to the board. */
    private static void assertEveryConnectionWentToTheBoard(RoundRecord round, CampaignResult result) {
        for (CorrelatedConnection c : round.connections()) {
            String remote = c.client().remote();
            assertNotNull(remote);
            assertTrue(remote.startsWith("127.0.0.1:"), "a socket left loopback: " + remote);
            assertTrue(c.client().localPort() > 0, "no source port for " + c.client().id());
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, command)));
    }

    private static long size(FirmwareImage image, String file) throws Exception {
        return java.nio.file.Files.size(image.dir().resolve("content").resolve(file));
    }

    private static List<EventType> types(CorrelatedConnection c) {
        return c.device().stream().map(DeviceEvent::type).filter(t -> t != EventType.OTHER).toList();
    }

    private static boolean has(CorrelatedConnection c, EventType type) {
        return c.device().stream().anyMatch(e -> e.type() == type);
    }
}
