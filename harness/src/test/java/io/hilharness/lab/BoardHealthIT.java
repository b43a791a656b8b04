package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.FileTrees;
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
import picocli.CommandLine;

/**
 * Board health with reference boards declared in a lab config: a board whose flash keeps failing goes
 * into maintenance after three campaigns, tag selections pass it over, and once repaired a health check
 * brings it back. The broken flash is real: the board's folder has a directory where the flasher puts
 * its new link, as a flash that cannot be written.
 */
class BoardHealthIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void buildFirmware() throws Exception {
        ReferenceFirmware.built();
    }

    private record Cli(int exitCode, String out, String err) {
    }

    private static Cli hil(String... args) {
        CommandLine cli = io.hilharness.cli.TestAccess.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            int code = cli.execute(args);
            return new Cli(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aBoardWhoseFlashKeepsFailingGoesIntoMaintenanceAndAHealthCheckBringsItBack() throws Exception {
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lock_dir: %s
                health:
                  image: lab-ca
                boards:
                  sick:
                    kind: reference
                    tags: [ref]
                    dir: sick-board
                  well:
                    kind: reference
                    tags: [ref]
                  mute:
                    kind: reference
                    ready_pattern: "a line this firmware never prints"
                    ready_timeout: 1
                """.formatted(dir.resolve("locks")));
        Path runs = dir.resolve("runs");
        Path stuck = Files.createDirectories(dir.resolve("sick-board/flash.new"));
        Files.writeString(stuck.resolve("debris"), "the flash cannot be written");
        String[] campaign = {"--image", "lab-ca", "--trust", "image", "--lab", lab.toString(), "--boots", "1", "--rounds", "1",
                "--runs-dir", runs.toString()};

        for (int i = 1; i <= 3; i++) {
            Cli failed = hil(concat(new String[] {"run", "--board", "sick"}, campaign));
            assertEquals(2, failed.exitCode(), failed.out() + failed.err());
            assertTrue(failed.err().startsWith("hil: flashing lab-ca into "), failed.err());
            if (i == 2) {
                String boards = hil("boards", "--lab", lab.toString()).out();
                assertTrue(boards.contains("  2 of 3 failed campaigns in a row before maintenance (last: flashing lab-ca into "), boards);
            }
        }
        Cli maintenance = hil("boards", "--lab", lab.toString());
        String line = maintenance.out().lines().filter(l -> l.startsWith("  MAINTENANCE: ")).findFirst().orElse(maintenance.out());
        assertTrue(line.contains(": 3 campaigns in a row failed, the last: flashing lab-ca into "), line);
        assertTrue(line.contains("(decided by run " + runs), line);
        assertEquals(1, maintenance.out().lines().filter(l -> l.contains("MAINTENANCE")).count(), maintenance.out());

        Cli tagged = hil(concat(new String[] {"run", "--boards", "tag:ref"}, campaign));
        assertEquals(0, tagged.exitCode(), tagged.out() + tagged.err());
        assertTrue(tagged.out().contains("skipping board sick: in maintenance since "), tagged.out());
        assertTrue(tagged.out().contains("[well] boot 1"), tagged.out());
        assertFalse(tagged.out().contains("[sick]"), tagged.out());

        Cli named = hil(concat(new String[] {"run", "--board", "sick"}, campaign));
        assertTrue(named.out().startsWith("warning: board sick is in maintenance since "), named.out());
        assertEquals(2, named.exitCode(), "still broken: " + named.err());

        FileTrees.delete(stuck); // repaired
        Cli check = hil("boards", "check", "sick", "--lab", lab.toString(), "--runs-dir", runs.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("sick: health check passed (" + runs), check.out());
        assertTrue(check.out().contains("; in service"), check.out());
        assertFalse(hil("boards", "--lab", lab.toString()).out().contains("MAINTENANCE"));

        // A boot that never gets ready counts as well.
        Cli mute = hil(concat(new String[] {"run", "--board", "mute"}, campaign));
        assertEquals(1, mute.exitCode(), mute.out() + mute.err());
        String boards = hil("boards", "--lab", lab.toString()).out();
        assertTrue(boards.contains("  1 of 3 failed campaigns in a row before maintenance (last: no boot got ready: no ready line within 1 s"),
                boards);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
