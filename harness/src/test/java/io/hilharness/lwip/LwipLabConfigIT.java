package io.hilharness.lwip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.cli.TestAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A lab config with {@code kind: lwip}: {@code hil run --board} on it as on any lab board. */
@LwipBoardTest
class LwipLabConfigIT {
    @TempDir
    Path dir;

    @Test
    void aLabBoardOfKindLwipRunsACampaignAcrossPowerCycles() throws Exception {
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lock_dir: %s
                boards:
                  lwip-1:
                    kind: lwip
                    tags: [lwip]
                    ready_timeout: 30
                """.formatted(dir.resolve("locks")));
        Path runs = dir.resolve("runs");

        String[] out = new String[1];
        int exit = hil(out, "run", "--image", LwipCampaignIT.IMAGE, "--trust", "image", "--lab", lab.toString(),
                "--board", "lwip-1", "--boots", "2", "--rounds", "2", "--reset", "hard", "--runs-dir", runs.toString());

        assertEquals(0, exit, out[0]);
        List<Path> folders;
        try (Stream<Path> list = Files.list(runs)) {
            folders = list.toList();
        }
        Path run = folders.stream().filter(p -> p.getFileName().toString().contains("lwip-1-lwip-good")).findFirst()
                .orElseThrow(() -> new AssertionError("no run folder of lwip-1 in " + folders));
        String console = Files.readString(run.resolve("console.raw"), StandardCharsets.ISO_8859_1);
        assertTrue(console.contains("boot 2, reset cause: power-on, image lwip-good"), "the second boot is a power cycle");
        assertTrue(Files.isRegularFile(run.resolve("junit.xml")));
    }

    private static int hil(String[] output, String... args) throws Exception {
        CommandLine cli = TestAccess.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            int code = cli.execute(args);
            output[0] = stdout.toString(StandardCharsets.UTF_8) + err;
            return code;
        } finally {
            System.setOut(saved);
        }
    }
}
