package io.hilharness.qemu;

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

/**
 * How a user reaches the QEMU board: {@code hil run --image qemu-good} (no namespace: QEMU forwards a loopback
 * port), with both clients, and a lab board of {@code kind: qemu} under {@code --board}.
 */
class QemuWiringIT {
    static final String IMAGE = "qemu-good";

    @TempDir
    Path dir;

    @Test
    void hilRunOnAQemuImageRunsBothClientsAcrossHardResets() throws Exception {
        Path runs = dir.resolve("runs");
        String[] out = new String[1];

        int exit = hil(out, "run", "--image", IMAGE, "--trust", "image", "--client", "both", "--reset", "hard",
                "--boots", "2", "--rounds", "1", "--runs-dir", runs.toString());

        assertEquals(0, exit, out[0]);
        assertTrue(out[0].contains("okhttp") && out[0].contains("chromium"), "a comparison of both clients: " + out[0]);
        List<Path> folders = runFolders(runs);
        assertEquals(2, folders.size(), "one run folder per client: " + folders);
        for (Path run : folders) {
            String console = Files.readString(run.resolve("console.raw"), StandardCharsets.ISO_8859_1);
            assertTrue(console.contains("boot 2, reset cause: reset, image " + IMAGE), "the hard reset is QMP's system_reset: " + console);
        }
    }

    @Test
    void aLabBoardOfKindQemuRunsACampaignWithSoftResets() throws Exception {
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lock_dir: %s
                boards:
                  qemu-1:
                    kind: qemu
                    tags: [qemu]
                """.formatted(dir.resolve("locks")));
        Path runs = dir.resolve("lab-runs");
        String[] out = new String[1];

        int exit = hil(out, "run", "--image", IMAGE, "--trust", "image", "--lab", lab.toString(), "--board", "qemu-1",
                "--boots", "2", "--rounds", "2", "--reset", "soft", "--runs-dir", runs.toString());

        assertEquals(0, exit, out[0]);
        String console = Files.readString(onlyRunOf(runs, "qemu-1").resolve("console.raw"), StandardCharsets.ISO_8859_1);
        assertTrue(console.contains("boot 2, reset cause: software, image " + IMAGE), "the second boot is the board's reboot: " + console);
    }

    private static List<Path> runFolders(Path runs) throws Exception {
        try (Stream<Path> list = Files.walk(runs, 2)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("console.raw"))).toList();
        }
    }

    private static Path onlyRunOf(Path runs, String part) throws Exception {
        List<Path> folders = runFolders(runs);
        List<Path> matching = folders.stream().filter(p -> p.toString().contains(part)).toList();
        assertEquals(1, matching.size(), "run folders: " + folders);
        return matching.get(0);
    }

    private static int hil(String[] output, String... args) {
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
