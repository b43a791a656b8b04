package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario image names its own fault as the top finding, with the campaign settings documented
 * in docs/scenarios/README.md; {@code good} yields none. A scenario whose image is not in
 * firmware-images/images/ is skipped, so images can arrive one at a time.
 */
class ScenarioDiagnosisIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    /**
     * scenario, trust, reset, boots, rounds, mode, fetch timeout (s), expected top rule (null: no finding).
     * boot-race needs its rounds paced (100 ms apart) so each boot outlasts its random certificate delay
     * (up to 1.5 s): failed handshakes take milliseconds, so back-to-back rounds can all fall inside it.
     */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("selfsigned", "system", ResetKind.SOFT, 2, 3, FetchMode.SEQUENTIAL, 10, "certificate-rejected"),
                Arguments.of("pathlen0", "image", ResetKind.SOFT, 2, 3, FetchMode.SEQUENTIAL, 10, "certificate-rejected"),
                Arguments.of("tiny-heap", "image", ResetKind.SOFT, 2, 5, FetchMode.PARALLEL, 10, "concurrency"),
                Arguments.of("boot-race", "image", ResetKind.HARD, 5, 20, FetchMode.SEQUENTIAL, 10, "boot-window"),
                Arguments.of("leak", "image", ResetKind.SOFT, 2, 5, FetchMode.SEQUENTIAL, 10, "leak"),
                Arguments.of("partial-write", "image", ResetKind.SOFT, 2, 5, FetchMode.SEQUENTIAL, 10, "truncation"),
                Arguments.of("hang", "image", ResetKind.SOFT, 2, 5, FetchMode.SEQUENTIAL, 3, "hang"),
                Arguments.of("good", "image", ResetKind.SOFT, 2, 5, FetchMode.PARALLEL, 10, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void topFindingNamesTheScenariosRootCause(String scenario, String trust, ResetKind reset, int boots, int rounds, FetchMode mode,
                                              int fetchTimeoutSeconds, String expectedRule) throws Exception {
        assumeTrue(Files.isRegularFile(layout.imageSource(scenario).resolve("manifest.yaml")),
                "image " + scenario + " is not in firmware-images/images yet");
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, reset, List.of("/dashboard.html", "/style.css"),
                6, Duration.ofSeconds(20), Duration.ofSeconds(fetchTimeoutSeconds),
                Duration.ofMillis(scenario.equals("boot-race") ? 100 : 0));
        CampaignResult result = new ReferenceBoardRunner(layout, runs).run(scenario, spec, TrustOption.parse(trust), new CampaignListener() { }).result();
        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        String report = io.hilharness.report.SummaryTable.render(result) + DiagnosisText.render(diagnosis);
        if (expectedRule == null) {
            assertTrue(diagnosis.findings().isEmpty(), report);
            return;
        }
        assertEquals(expectedRule, diagnosis.top().map(Finding::rule).orElse("no finding"), report);
        assertTrue(diagnosis.top().orElseThrow().evidence().stream().anyMatch(e -> e.connection() != null
                && e.port() != null && !e.deviceLines().isEmpty()), "the top finding cites connections, ports and lines\n" + report);
        if (scenario.equals("pathlen0")) {
            // The clients trusted the image's lab CA: the doctor judges the chain by that CA, live and from
            // the journal alone, and names the path length, not a trust the clients did not use.
            for (Diagnosis d : List.of(diagnosis, Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
                String doctor = d.top().orElseThrow().facts().get("certificate doctor");
                assertFalse(doctor.contains("system trust store"), doctor);
                assertTrue(doctor.toLowerCase(java.util.Locale.ROOT).contains("pathlen"), doctor);
            }
        }
    }

    private CampaignResult run(String image, int boots, int rounds, FetchMode mode) throws Exception {
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                6, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ZERO);
        return new ReferenceBoardRunner(layout, runs).run(image, spec, TrustOption.parse("image"), new CampaignListener() { }).result();
    }

    private static String report(CampaignResult result, Diagnosis diagnosis) {
        return io.hilharness.report.SummaryTable.render(result) + DiagnosisText.render(diagnosis);
    }

    /** Both causes of the leak image under parallel load, each with its own connections, and nothing counted twice. */
    @Test
    void leakInParallelModeNamesTheLeakAndTheConcurrencyLimitAndTheCountsAddUp() throws Exception {
        CampaignResult result = run("leak", 2, 12, FetchMode.PARALLEL);
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = report(result, d);
            Finding leak = d.findings().stream().filter(f -> f.rule().equals("leak")).findFirst().orElseThrow(() -> new AssertionError(report));
            Finding concurrency = d.findings().stream().filter(f -> f.rule().equals("concurrency")).findFirst()
                    .orElseThrow(() -> new AssertionError(report));
            assertFalse(leak.explains().isEmpty(), report);
            assertFalse(concurrency.explains().isEmpty(), report);
            assertTrue(leak.facts().get("trend per boot").startsWith("boot 1: served "), report);
            assertTrue(leak.facts().get("free heap the board logged, per boot").contains("-4096 bytes a connection"), report);
            int accounted = d.findings().stream().mapToInt(f -> f.explains().size()).sum();
            assertEquals(d.failedConnections(), accounted, "every failure belongs to exactly one finding\n" + report);
            assertEquals(d.failedConnections(), java.util.stream.Stream.of(leak, concurrency).mapToInt(f -> f.explains().size()).sum(),
                    "the leak and the concurrency limit explain every failure\n" + report);
            assertEquals(d.failedConnections() + " of " + d.failedConnections() + " failures explained by 2 findings", d.accounting(), report);
        }
    }

    /** The board refuses a leaf made for clients: the refusal finding names the extendedKeyUsage, with the board's own lines. */
    @Test
    void aClientAuthOnlyLeafIsNamedByTheRefusalFinding() throws Exception {
        CampaignResult result = run("eku-client-only", 1, 2, FetchMode.SEQUENTIAL);
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = report(result, d);
            Finding top = d.top().orElseThrow();
            assertEquals("certificate-unusable", top.rule(), report);
            assertTrue(top.facts().get("certificate doctor").contains("extendedKeyUsage does not include serverAuth"), report);
            assertTrue(top.rootCause().contains("serverAuth"), report);
            assertEquals(d.failedConnections(), top.explains().size(), report);
            assertTrue(top.evidence().stream().flatMap(e -> e.deviceLines().stream())
                    .anyMatch(l -> l.text().contains("none of them usable")), "the board's own line is the evidence\n" + report);
        }
    }

    /** A chain the JDK accepts and curl, browsers and mbedTLS clients refuse: the campaign passes, the diagnosis warns. */
    @Test
    void anRsa1024LeafPassesWithALatentProblemFinding() throws Exception {
        CampaignResult result = run("rsa1024", 1, 3, FetchMode.SEQUENTIAL);
        assertTrue(result.allPassed(), io.hilharness.report.SummaryTable.render(result));
        for (Diagnosis d : List.of(Diagnoser.standard().diagnose(Evidence.of(result)),
                Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            String report = report(result, d);
            assertFalse(d.somethingFailed(), report);
            assertEquals(List.of("latent-certificate-problem"), d.findings().stream().map(Finding::rule).toList(), report);
            Finding latent = d.top().orElseThrow();
            assertTrue(latent.rootCause().contains("RSA 1024"), report);
            assertTrue(latent.rootCause().contains("curl/OpenSSL") && latent.rootCause().contains("mbedTLS clients")
                    && latent.rootCause().contains("browsers"), "names the clients that refuse it\n" + report);
            assertTrue(latent.explains().isEmpty(), report);
            assertTrue(latent.confidence() < 0.6, report);
        }
    }

    /**
     * The crash image asserts on the first request of its 6th connection since boot (round 3's second
     * connection, two connections a round): the diagnosis names the assertion, that connection and the
     * function, file and line addr2line finds in the image's ELF; the crashed boot ends, the next one
     * starts from a power cycle and crashes the same way; the journal alone gives the same finding.
     */
    @Test
    void theCrashImageIsDiagnosedWithItsDecodedLocationAndTheCampaignGoesOn() throws Exception {
        CampaignResult result = run("crash", 2, 4, FetchMode.SEQUENTIAL);
        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        String report = io.hilharness.report.SummaryTable.render(result) + DiagnosisText.render(diagnosis);

        assertEquals(2, result.boots().size(), report);
        for (BootRecord boot : result.boots()) {
            assertTrue(boot.ready() && boot.crashed(), "boot " + boot.boot() + " got ready and crashed\n" + report);
            assertEquals(3, boot.crash().round(), report);
            assertEquals("b" + boot.boot() + "r3c2", boot.crash().connection(), report);
            assertEquals("killed by signal 6 (SIGABRT)", boot.crash().exit(), report);
        }
        assertEquals(ResetKind.HARD, result.boots().get(1).reset(), "a power cycle after the crash");
        assertEquals(List.of(1, 1, 1, 2, 2, 2), result.rounds().stream().map(RoundRecord::boot).toList(),
                "each boot ends with its crash round; the next boot goes on");

        int assertLine = assertionLine();
        for (Diagnosis d : List.of(diagnosis, Diagnoser.standard().diagnose(JournalEvidence.read(result.runDir())))) {
            Finding crash = d.top().orElseThrow();
            assertEquals("crash", crash.rule(), report);
            assertTrue(crash.rootCause().contains("assertion \"tls_server_request_slot_free(c)\" failed")
                    && crash.rootCause().contains("connection b1r3c2"), crash.rootCause());
            String location = crash.facts().get("location");
            assertTrue(location.startsWith("handle at ") && location.endsWith("src/httpd.c:" + assertLine),
                    "decoded by addr2line from the image's ELF: " + location);
            assertTrue(crash.facts().keySet().stream().anyMatch(k -> k.startsWith("decoded with ")), crash.facts().toString());
            EvidenceItem trigger = crash.evidence().get(0);
            assertEquals("b1r3c2", trigger.connection());
            assertTrue(trigger.port() != null && trigger.deviceLines().stream().anyMatch(l -> l.text().contains("assertion")),
                    trigger.toString());
        }
    }

    /** The line of the firmware's assertion that crash_after_connections trips, read from its source. */
    private static int assertionLine() throws java.io.IOException {
        List<String> source = Files.readAllLines(layout.firmwareDir().resolve("src/httpd.c"));
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains("BOARD_ASSERT(tls_server_request_slot_free(c)")) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no crash_after_connections assertion in httpd.c");
    }
}
