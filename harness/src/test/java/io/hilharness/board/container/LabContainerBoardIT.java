package io.hilharness.board.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import picocli.CommandLine;

/** The container board is one more kind in the lab file: `hil run --board` drives it like any other. */
class LabContainerBoardIT {
    private static boolean engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        ReferenceFirmware.built();
        engine = DockerClientFactory.instance().isDockerAvailable();
    }

    @Test
    void aContainerBoardFromTheLabFileRunsACampaignWithSoftAndHardResets() throws Exception {
        assumeTrue(engine, "no container engine answers (DOCKER_HOST unset or its socket is down); ci/test starts podman");
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, """
                lock_dir: %s
                boards:
                  ctr-1:
                    kind: container
                    tags: [ci]
                """.formatted(dir.resolve("locks")));

        CommandLine cli = io.hilharness.cli.TestAccess.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cli.execute("run", "--image", "lab-ca", "--trust", "image", "--lab", lab.toString(),
                    "--board", "ctr-1", "--boots", "2", "--rounds", "2", "--reset", "hard",
                    "--runs-dir", dir.resolve("runs").toString());
        } finally {
            System.setOut(saved);
        }
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out + err);
        assertTrue(out.contains("[ctr-1] boot 2 (hard reset, device boot 2, power-on)"), out);
    }
}
