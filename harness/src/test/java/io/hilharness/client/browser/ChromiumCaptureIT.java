package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.capture.Direction;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.capture.WireRecord;
import io.hilharness.client.Outcome;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --client chromium --capture} as a user runs it, the whole command inside a private
 * network namespace holding only loopback (so nothing Chromium tries can leave the machine): board,
 * browser and dumpcap share that loopback, and Chromium's rejection is on the wire.
 */
class ChromiumCaptureIT {
    /** Building nothing, one boot, one page load: the browser's start dominates. */
    private static final long RUN_TIMEOUT_SECONDS = 180;

    @TempDir
    Path tmp;

    @Test
    void chromiumsAlert46IsOnTheWireForEveryConnectionItRejected() throws Exception {
        assumeTrue(Chromium.locate().isPresent(), "Chromium is not installed (ci/test installs the Debian package chromium)");
        ProjectLayout layout = ReferenceFirmware.built();
        LoopbackNamespace.Result made = LoopbackNamespace.create();
        assumeTrue(made.namespace().isPresent(), made::whyNot);
        Path runs = tmp.resolve("runs");
        Path output = tmp.resolve("hil.out");
        LoopbackNamespace namespace = made.namespace().get();
        try {
            List<String> command = new ArrayList<>(namespace.launcher());
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dhil.projectRoot=" + layout.root(),
                    "io.hilharness.cli.HilCli", "run", "--image", "selfsigned", "--client", "chromium", "--capture",
                    "--boots", "1", "--rounds", "1", "--runs-dir", runs.toString()));
            Process hil = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!hil.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                hil.destroyForcibly().waitFor();
                throw new AssertionError("hil run did not finish within " + RUN_TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
            }
            assertEquals(1, hil.exitValue(), Files.readString(output));
        } finally {
            namespace.close();
        }
        Path run;
        try (Stream<Path> dirs = Files.list(runs)) {
            run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        WireEvidence wire = WireEvidence.read(run).orElseThrow();
        assertTrue(wire.captured(), wire.reason());

        Evidence evidence = JournalEvidence.read(run);
        assertFalse(evidence.connections().isEmpty());
        int alerts = 0;
        for (ConnectionFacts c : evidence.connections()) {
            WireConversation w = c.onWire().orElseThrow(() -> new AssertionError("port " + c.port() + " not in the capture"));
            List<WireRecord> fromClient = w.alerts(Direction.CLIENT_TO_SERVER);
            if (c.outcome() == Outcome.CERT_REJECTED && c.client().outcomeDetail().contains("sent alert fatal 46")) {
                // the browser says it sent 46: the wire shows it, whatever the board managed to log
                assertEquals(1, fromClient.size(), w.summary());
                assertEquals(46, fromClient.get(0).alertDescription(), w.summary());
                assertEquals(2, fromClient.get(0).alertLevel(), w.summary());
                alerts++;
            }
            assertTrue(w.alerts(Direction.SERVER_TO_CLIENT).isEmpty(), "the board sends no alert: " + w.summary());
        }
        assertTrue(alerts >= 1, "Chromium rejected no connection with alert 46: " + Files.readString(output));

        JsonNode diagnosis = Json.mapper().readTree(run.resolve("diagnosis.json").toFile());
        JsonNode rejected = diagnosis.get("findings").get(0);
        assertEquals("certificate-rejected", rejected.get("rule").asText());
        assertTrue(rejected.get("facts").get("on the wire").asText().startsWith("client sent fatal alert 46 certificate_unknown in "),
                rejected.get("facts").toString());
        assertTrue(Files.readString(run.resolve("report.html")).contains("client -&gt; board: fatal alert 46 certificate_unknown"),
                "the report's findings cite the alert on the wire");
    }
}
