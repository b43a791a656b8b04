package io.hilharness.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/**
 * A test whose board is not there is skipped with the reason (aborted), never run and never failed,
 * unless the lab asks for missing hardware to fail. Runs sample test classes through the Jupiter engine.
 */
class MissingHardwareTest {
    @TempDir
    Path dir;

    @EnabledIf("io.hilharness.junit.TestKitCases#requested")
    @HilTest(board = "no-such-board", image = "lab-ca")
    static class BoardNotInLab {
        @Test
        void mustNotRun(HilBoard board) {
            fail("ran without its board");
        }
    }

    @EnabledIf("io.hilharness.junit.TestKitCases#requested")
    @HilTest(board = "bench-1", image = "lab-ca")
    static class BoardNotConnected {
        @AcrossBoots(2)
        void mustNotRun(HilBoard board) {
            fail("ran without its board");
        }
    }

    @EnabledIf("io.hilharness.junit.TestKitCases#requested")
    @HilTest(image = "lab-ca")
    static class NoBoardNamed {
        @Test
        void mustNotRun() {
            fail("ran without its board");
        }
    }

    private Path labFile() throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                lock_dir: %s
                boards:
                  ref-1:
                    kind: reference
                  bench-1:
                    kind: serial
                    console: {port: %s}
                    endpoint: 127.0.0.1:8443
                    flash: {method: esptool, chip: esp32}
                    reset: {method: dtr, active_low: true, width_ms: 50}
                """.formatted(dir.resolve("locks"), dir.resolve("no-such-console")));
        return file;
    }

    private EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitCases.PARAMETER, "true")
                .configurationParameter("hil.reportDir", dir.resolve("reports").toString())
                .configurationParameters(parameters)
                .selectors(selectClass(testClass))
                .execute();
    }

    private static String abortReason(EngineExecutionResults results, Class<?> testClass) {
        // Every test is skipped on its own (build tools count and show those), none runs, none fails.
        results.testEvents().assertStatistics(stats -> stats.succeeded(0).failed(0));
        List<Event> aborted = results.testEvents().aborted().list();
        assertEquals(results.testEvents().started().count(), aborted.size(),
                () -> "expected every test to be aborted: " + results.allEvents().list());
        assertTrue(!aborted.isEmpty(), () -> "no test was reported at all: " + results.allEvents().list());
        assertTrue(aborted.get(0).getTestDescriptor().getSource().map(Object::toString).orElse("")
                .contains(testClass.getSimpleName()), () -> aborted.get(0).toString());
        Throwable cause = aborted.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertInstanceOf(TestAbortedException.class, cause);
        return cause.getMessage();
    }

    @Test
    void aBoardTheLabConfigDoesNotNameIsSkippedSayingWhichBoardsItHas() throws Exception {
        EngineExecutionResults results = run(BoardNotInLab.class, Map.of("hil.lab", labFile().toString()));

        String reason = abortReason(results, BoardNotInLab.class);
        assertTrue(reason.contains("no-such-board") && reason.contains("ref-1") && reason.contains("bench-1"), reason);
        assertTrue(Files.notExists(dir.resolve("reports")), "a skipped class leaves no run folder");
    }

    @Test
    void aBoardWhoseConsoleIsNotPluggedInIsSkippedNamingTheConsole() throws Exception {
        EngineExecutionResults results = run(BoardNotConnected.class, Map.of("hil.lab", labFile().toString()));

        String reason = abortReason(results, BoardNotConnected.class);
        assertTrue(reason.contains("bench-1 is not connected") && reason.contains("no-such-console"), reason);
    }

    @Test
    void withoutALabConfigTheTestIsSkippedSayingWhereItLooked() {
        Path missing = dir.resolve("nowhere/lab.yaml");
        EngineExecutionResults results = run(BoardNotInLab.class, Map.of("hil.lab", missing.toString()));

        String reason = abortReason(results, BoardNotInLab.class);
        assertTrue(reason.contains("no lab config " + missing), reason);
    }

    @Test
    void withoutABoardNameTheTestIsSkippedSayingHowToGiveOne() {
        String reason = abortReason(run(NoBoardNamed.class, Map.of()), NoBoardNamed.class);
        assertTrue(reason.contains("-Dhil.board"), reason);
    }

    @Test
    void theNightlyLabTurnsMissingHardwareIntoAFailure() throws Exception {
        EngineExecutionResults results = run(BoardNotInLab.class,
                Map.of("hil.lab", labFile().toString(), "hil.requireHardware", "true"));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size(), () -> "expected the class to fail: " + results.allEvents().list());
        Throwable cause = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertTrue(cause.getMessage().contains("no-such-board") && cause.getMessage().contains("hil.requireHardware"),
                cause.getMessage());
        assertEquals(0, results.containerEvents().aborted().count());
    }

    @Test
    void theSystemPropertyOrParameterWinsOverTheAnnotation() {
        HilTest annotation = BoardNotInLab.class.getAnnotation(HilTest.class);
        HilSettings fromAnnotation = HilSettings.of(annotation, key -> java.util.Optional.empty());
        HilSettings redirected = HilSettings.of(annotation, key -> java.util.Optional.ofNullable(
                Map.of("hil.board", "nucleo-2", "hil.image", "good").get(key)));

        assertEquals(List.of("no-such-board", "lab-ca"), Stream.of(fromAnnotation.board(), fromAnnotation.image()).toList());
        assertEquals(List.of("nucleo-2", "good"), Stream.of(redirected.board(), redirected.image()).toList());
    }
}
