package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.Board;
import io.hilharness.certs.PemCertificates;
import io.hilharness.image.FirmwareImage;
import io.hilharness.json.Json;
import io.hilharness.junit.HilBoard;
import io.hilharness.junit.HilTest;
import io.hilharness.testing.ReferenceFirmware;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code hil certs doctor --connect} against the reference board on loopback: the chain is captured as the
 * board sends it, also when the client rejects it, and the verdicts match what the images are. The
 * boards come from the project's own JUnit extension, as users' hardware tests get theirs.
 */
class CertsDoctorIT {

    @BeforeAll
    static void buildFirmware() throws Exception {
        ReferenceFirmware.built();
    }

    /** The reference board through the project's own JUnit extension: flashed, power-cycled, ready. */
    @Nested
    @HilTest(reference = true, image = "selfsigned")
    class Selfsigned {
        @Test
        void selfsignedImageIsASelfSignedLeafThatNoClientTrusts(HilBoard board) throws Exception {
            FirmwareImage image = board.image();
            JsonNode report = doctor(1, "--connect", endpoint(board.hardware()), "--json");

            JsonNode error = first(report, "ERROR", "trust");
            assertEquals(0, error.get("cert").asInt());
            assertTrue(error.get("message").asText().startsWith("self-signed leaf, not trusted"), error.toString());
            JsonNode handshake = first(report, "ERROR", "handshake");
            assertTrue(handshake.get("message").asText().contains("CERT_REJECTED"), handshake.toString());
            // Captured although the client rejected it: exactly the chain the image holds.
            assertEquals(1, report.get("chain").size());
            assertEquals(PemCertificates.read(image.dir().resolve(image.manifest().certChain())).get(0)
                    .getSubjectX500Principal().getName(), report.get("chain").get(0).get("subject").asText());

            // Pinned on purpose, the same board only earns a warning.
            JsonNode pinned = doctor(0, "--connect", endpoint(board.hardware()), "--json",
                    "--pin", image.dir().resolve(image.manifest().certChain()).toString());
            assertEquals("WARNING", first(pinned, "WARNING", "trust").get("severity").asText());
        }
    }

    @Nested
    @HilTest(reference = true, image = "lab-ca")
    class LabCa {
        @Test
        void labCaImageIsTrustedWithItsCaAndUntrustedByTheSystemStore(HilBoard board) throws Exception {
            Path ca = board.image().trustFile().orElseThrow();
            JsonNode trusted = doctor(0, "--connect", endpoint(board.hardware()), "--json", "--trust", ca.toString());
            JsonNode system = doctor(1, "--connect", endpoint(board.hardware()), "--json");

            assertEquals("ok", trusted.get("verdict").asText());
            assertTrue(errors(trusted) == 0, trusted.toPrettyString());
            assertTrue(first(trusted, "INFO", "handshake").get("message").asText().contains("completed the handshake"));
            assertTrue(first(trusted, "INFO", "names").get("message").asText().contains("IP:127.0.0.1"));
            JsonNode untrusted = first(system, "ERROR", "trust");
            assertTrue(untrusted.get("message").asText().contains("not trusted by the system trust store"),
                    untrusted.toString());
            assertEquals(0, untrusted.get("cert").asInt());
        }
    }

    private static String endpoint(Board board) {
        String host = board.endpoint().getHostString();
        assertTrue(host.startsWith("127."), "loopback only: " + host);
        return host + ":" + board.endpoint().getPort();
    }

    private static JsonNode doctor(int expectedExit, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "certs";
        command[1] = "doctor";
        System.arraycopy(args, 0, command, 2, args.length);
        CertsCommandTest.Run run = CertsCommandTest.hil(command);
        assertEquals(expectedExit, run.exit(), run.all());
        assertFalse(run.all().contains("PRIVATE KEY"));
        return Json.mapper().readTree(run.out());
    }

    private static JsonNode first(JsonNode report, String severity, String check) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("severity").asText().equals(severity) && f.get("check").asText().equals(check))
                .findFirst().orElseThrow(() -> new AssertionError("no " + severity + " " + check + " in "
                        + report.toPrettyString()));
    }

    private static long errors(JsonNode report) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("severity").asText().equals("ERROR")).count();
    }
}
