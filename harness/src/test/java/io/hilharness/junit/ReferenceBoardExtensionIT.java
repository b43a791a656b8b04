package io.hilharness.junit;

import static io.hilharness.junit.HilAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.json.Json;
import io.hilharness.lab.BoardLock;
import io.hilharness.testing.BuildReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The project's own reference-board checks, written with the extension users get. */
@ExtendWith(BuildReferenceFirmware.class)
@HilTest(reference = true, image = "lab-ca")
class ReferenceBoardExtensionIT {
    private static final Duration READY = Duration.ofSeconds(20);
    private static final List<Integer> bootsSeen = new ArrayList<>();

    @AcrossBoots(3)
    void cssLoadsAfterEveryReboot(HilBoard board, HttpsProbe https) {
        board.console().awaitLine("httpd ready", READY);
        ProbeResult css = https.get("/style.css");

        assertThat(css).isComplete();
        assertThat(board.log().since(css)).hasNoAlerts().contains(EventType.HANDSHAKE_DONE).contains(EventType.RESPONSE_SENT);
        List<DeviceEvent> banners = board.log().sinceTestStart().ofType(EventType.BOOT);
        assertEquals(1, banners.size(), () -> "one boot per repetition: " + banners);
        bootsSeen.add(banners.get(0).boot());
    }

    /** Each repetition ran on a boot of its own: the board's boot counter went up by one each time. */
    @AfterAll
    static void everyRepetitionWasANewBoot() {
        if (bootsSeen.isEmpty()) {
            return; // a filtered run without the repetitions
        }
        assertEquals(3, bootsSeen.size(), bootsSeen::toString);
        int first = bootsSeen.get(0);
        assertEquals(IntStream.range(first, first + 3).boxed().toList(), bootsSeen);
    }

    @Test
    void theBoardAnswersOnItsConsole(HilBoard board) {
        long mark = board.console().mark();
        board.console().send("status");

        var status = board.console().awaitLineAfter(Pattern.compile("status: boot \\d+"), mark, READY);
        assertTrue(status.text().contains("sessions 0/"), status.text());
    }

    /** A power cycle between repetitions: the board reports each boot as a power-on. */
    @AcrossBoots(value = 2, reset = ResetKind.HARD)
    void aHardResetIsAPowerOn(HilBoard board, HttpsProbe https) {
        DeviceEvent banner = board.log().sinceTestStart().first(EventType.BOOT);
        assertEquals("power-on", banner.detail(), banner::raw);
        assertThat(https.get("/dashboard.html")).isComplete();
    }

    /** A method's own image is flashed for it; the next test without one gets the class's image back. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @HilTest(reference = true, image = "lab-ca")
    class ImagePerTest {
        @Test
        @Order(1)
        @WithImage(value = "selfsigned", trust = "system")
        void aMethodsImageIsFlashedAndBootedForIt(HilBoard board, HttpsProbe https) {
            assertEquals("selfsigned", board.image().name());
            assertEquals("power-on", board.log().sinceTestStart().first(EventType.BOOT).detail(),
                    "a flashed image takes effect at power-on");
            assertThat(https.get("/dashboard.html")).hasOutcome(Outcome.CERT_REJECTED);
        }

        @Test
        @Order(2)
        void theNextTestRunsOnTheClassImageAgain(HilBoard board, HttpsProbe https) {
            assertEquals("lab-ca", board.image().name());
            assertEquals(1, board.log().sinceTestStart().ofType(EventType.BOOT).size(), "reflashed and booted");
            assertThat(https.get("/style.css")).isComplete();
        }

        /** The image's manifest names its log format: the board's log is parsed with it for this test. */
        @Test
        @Order(3)
        @WithImage("lab-ca-native-log")
        void aMethodsImageBringsItsOwnLogFormat(HilBoard board, HttpsProbe https) {
            ProbeResult css = https.get("/style.css");

            assertThat(css).isComplete();
            LogEvents log = board.log().since(css);
            assertThat(log).contains(EventType.HANDSHAKE_START).contains(EventType.RESPONSE_SENT);
            assertTrue(log.events().stream().anyMatch(e -> "mbedtls".equals(e.format())), log::describe);
        }
    }

    @Nested
    @HilTest(reference = true, image = "selfsigned")
    class SelfSigned {
        @Test
        void theProbeRejectsTheChainAndTheBoardLogsTheFailedHandshake(HilBoard board, HttpsProbe https) {
            ProbeResult page = https.get("/dashboard.html");

            assertThat(page).hasOutcome(Outcome.CERT_REJECTED);
            assertThat(board.log().since(page)).contains(EventType.HANDSHAKE_FAILED).doesNotContain(EventType.HTTP_REQUEST);
        }
    }

    /** Run through the engine below: a reference board of a lab config, found by name and locked. */
    @EnabledIf("io.hilharness.junit.TestKitCases#requested")
    @HilTest(board = "bench-ref", image = "lab-ca")
    static class LabBoardCase {
        static Path lockDir;

        @Test
        void servesTheStylesheetWhileLocked(HilBoard board, HttpsProbe https) {
            assertEquals("bench-ref", board.name());
            assertTrue(BoardLock.holder(lockDir, "bench-ref").isPresent(), "the board is locked while the class runs");
            assertThat(https.get("/style.css")).isComplete();
        }
    }

    @Test
    void aBoardOfTheLabConfigIsFoundByNameLockedAndReleased(@TempDir Path lab) throws Exception {
        LabBoardCase.lockDir = lab.resolve("locks");
        Path labFile = lab.resolve("lab.yaml");
        Files.writeString(labFile, """
                lock_dir: %s
                boards:
                  bench-ref:
                    kind: reference
                """.formatted(LabBoardCase.lockDir));

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitCases.PARAMETER, "true")
                .configurationParameter("hil.lab", labFile.toString())
                .configurationParameter("hil.reportDir", lab.resolve("reports").toString())
                .selectors(selectClass(LabBoardCase.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0).aborted(0));
        assertTrue(BoardLock.holder(LabBoardCase.lockDir, "bench-ref").isEmpty(), "the lock is released after the class");
    }

    /** Run through the engine below: fetches the stylesheet, then fails, so its evidence gets attached. */
    @EnabledIf("io.hilharness.junit.TestKitCases#requested")
    @HilTest(reference = true, image = "lab-ca")
    static class FailingCase {
        @Test
        void failsAfterAFetch(HttpsProbe https) {
            https.get("/style.css");
            fail("deliberately");
        }
    }

    @Test
    void aFailedTestAttachesTheRawCaptureAndItsConnectionTimeline(@TempDir Path reports) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        EngineExecutionResults results;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(TestKitCases.PARAMETER, "true")
                    .configurationParameter("hil.reportDir", reports.toString())
                    .selectors(selectClass(FailingCase.class))
                    .execute();
        } finally {
            System.setOut(original);
        }
        results.testEvents().assertStatistics(stats -> stats.failed(1));

        List<Path> attachments = new ArrayList<>();
        Matcher m = Pattern.compile("\\[\\[ATTACHMENT\\|(.+)]]").matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            attachments.add(Path.of(m.group(1)));
        }
        assertEquals(2, attachments.size(), out::toString);
        attachments.forEach(p -> assertTrue(p.isAbsolute() && Files.isRegularFile(p), p::toString));
        assertEquals("console.raw", attachments.get(0).getFileName().toString());
        assertTrue(Files.size(attachments.get(0)) > 0);
        JsonNode timeline = Json.mapper().readTree(attachments.get(1).toFile());
        assertEquals(1, timeline.size(), timeline::toString);
        JsonNode connection = timeline.get(0);
        assertEquals("OK", connection.at("/client/outcome").asText());
        int port = connection.at("/client/localPort").asInt();
        assertTrue(connection.get("device").size() > 0, "the board's lines for the connection are in the timeline");
        connection.get("device").forEach(e -> assertEquals(port, e.get("port").asInt()));
    }
}
