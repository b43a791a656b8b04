package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnosis of real campaigns on the reference board, live and again from the journal. */
class DiagnosisIT {
    private static ProjectLayout layout;

    @TempDir
    Path runs;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private static CampaignSpec spec() {
        return new CampaignSpec(2, 3, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    @Test
    void selfsignedIsDiagnosedAsARejectedSelfSignedCertificate() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .run("selfsigned", spec(), TrustOption.SYSTEM, new CampaignListener() { }).result();

        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        Finding top = diagnosis.top().orElseThrow(() -> new AssertionError("no finding"));
        assertEquals("certificate-rejected", top.rule(), DiagnosisText.render(diagnosis));
        assertTrue(top.rootCause().contains("self-signed"), top.rootCause());
        assertTrue(top.rootCause().contains("12 of 12"), top.rootCause());
        assertTrue(top.facts().get("certificate doctor").contains("self-signed"), top.facts().toString());
        // The cited lines are the capture's own: line numbers and byte offsets point at them.
        byte[] capture = Files.readAllBytes(result.runDir().resolve("console.raw"));
        for (EvidenceItem item : top.evidence()) {
            assertTrue(item.port() > 0 && item.connection() != null, item.toString());
            assertTrue(!item.deviceLines().isEmpty(), item.toString());
            for (LogRef line : item.deviceLines()) {
                String at = new String(capture, (int) line.offset(), line.text().length(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(line.text(), at, "line " + line.line());
                assertTrue(line.text().endsWith("port " + item.port()), line.text());
            }
        }

        // Written next to the other reports and journaled before the end record.
        Path dir = result.runDir();
        assertTrue(Files.readString(dir.resolve("diagnosis.txt")).contains("certificate-rejected"));
        JsonNode json = Json.mapper().readTree(dir.resolve("diagnosis.json").toFile());
        assertEquals("certificate-rejected", json.get("findings").get(0).get("rule").asText());
        List<String> types = Files.readAllLines(dir.resolve("journal.jsonl")).stream()
                .map(l -> readType(l)).toList();
        assertEquals(List.of("diagnosis", "end"), types.subList(types.size() - 2, types.size()));

        // Offline, from the journal alone: the same finding.
        Diagnosis offline = Diagnoser.standard().diagnose(JournalEvidence.read(dir));
        assertEquals(Json.mapper().writeValueAsString(diagnosis.findings()),
                Json.mapper().writeValueAsString(offline.findings()));
    }

    @Test
    void labCaHasNoFinding() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(layout, runs)
                .run("lab-ca", spec(), TrustOption.IMAGE, new CampaignListener() { }).result();
        assertTrue(result.allPassed(), () -> io.hilharness.report.SummaryTable.render(result));
        Diagnosis diagnosis = Diagnoser.standard().diagnose(Evidence.of(result));
        assertTrue(diagnosis.findings().isEmpty(), DiagnosisText.render(diagnosis));
        assertTrue(Files.readString(result.runDir().resolve("diagnosis.txt")).contains("no finding"));
    }

    private static String readType(String line) {
        try {
            return Json.mapper().readTree(line).get("type").asText();
        } catch (Exception e) {
            throw new AssertionError("journal line is not JSON: " + line, e);
        }
    }
}
