package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.FolderFlasher;
import io.hilharness.board.host.HostBoardFolder;
import io.hilharness.board.host.HostProcessPower;
import io.hilharness.board.reset.BreakReset;
import io.hilharness.board.reset.ControlLinePulseReset;
import io.hilharness.board.serial.UsbConsoleTransport;
import io.hilharness.board.serial.UsbPortSelector;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleTransport.ControlLine;
import io.hilharness.console.SerialPorts.PortInfo;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.json.Json;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.LabRunner;
import io.hilharness.runner.RunSettings;
import io.hilharness.testing.ReferenceFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Lab boards for real, with reference boards standing in for the bench: parallel runs, locks, resets, re-enumeration. */
class LabBoardsIT {
    private static final Duration BOOT = Duration.ofSeconds(20);
    private static ProjectLayout layout;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    private Path labFile() throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                lock_dir: %s
                boards:
                  ref-1:
                    kind: reference
                    tags: [ref]
                  ref-2:
                    kind: reference
                    tags: [ref]
                    ready_timeout: 15
                """.formatted(dir.resolve("locks")));
        return file;
    }

    private record Cli(int exitCode, String out, String err) {
    }

    private static Cli hil(String... args) throws Exception {
        CommandLine cli = io.hilharness.cli.TestAccess.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, "UTF-8"));
        try {
            int code = cli.execute(args);
            return new Cli(code, stdout.toString("UTF-8") + out, err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void twoReferenceBoardsRunInParallelInOneCommand() throws Exception {
        Path runs = dir.resolve("runs");
        Cli result = hil("run", "--image", "lab-ca", "--trust", "image", "--lab", labFile().toString(), "--boards", "tag:ref",
                "--boots", "2", "--rounds", "2", "--runs-dir", runs.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("[ref-1] boot 2"), result.out());
        assertTrue(result.out().contains("[ref-2] boot 2"), result.out());
        List<Path> folders;
        try (Stream<Path> list = Files.list(runs)) {
            folders = list.sorted().toList();
        }
        Path one = folders.stream().filter(p -> p.getFileName().toString().contains("ref-1-lab-ca")).findFirst().orElseThrow();
        Path two = folders.stream().filter(p -> p.getFileName().toString().contains("ref-2-lab-ca")).findFirst().orElseThrow();
        Path combined = folders.stream().filter(p -> p.getFileName().toString().contains("boards-tag_ref")).findFirst().orElseThrow();
        String summary = Files.readString(combined.resolve("summary.txt"));
        assertTrue(summary.contains("ref-1  PASS    2/2          4/4"), summary);
        assertTrue(summary.contains("ref-2  PASS    2/2          4/4"), summary);
        // Each board has its own evidence, and the two campaigns overlapped in time.
        for (Path run : List.of(one, two)) {
            assertTrue(Files.size(run.resolve("console.raw")) > 0);
            assertTrue(Files.exists(run.resolve("summary.json")));
        }
        Instant[] first = span(one.resolve("journal.jsonl"));
        Instant[] second = span(two.resolve("journal.jsonl"));
        assertTrue(first[0].isBefore(second[1]) && second[0].isBefore(first[1]),
                "campaigns ran one after the other: " + List.of(first[0], first[1], second[0], second[1]));
    }

    /**
     * A long lab campaign (as one of more than 500 rounds is) keeps the evidence of passed rounds only in
     * the journal, as {@code hil run} and {@code hil soak} do on the reference board, and its reports are
     * built from the journal: nightly lab runs of thousands of rounds, several boards at once, stay within
     * memory.
     */
    @Test
    void aLongLabCampaignKeepsPassedRoundsOnlyInTheJournal() throws Exception {
        LabConfig lab = LabConfig.read(labFile());
        FirmwareImage image = new ImageBuilder(layout).build("lab-ca");
        CampaignSpec spec = new CampaignSpec(2, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                6, BOOT, Duration.ofSeconds(10), Duration.ofMillis(100));
        CampaignResult result = new LabRunner(lab, dir.resolve("runs"), "LabBoardsIT")
                .withSettings(RunSettings.defaults().asLongRun())
                .run(lab.select("ref-2").get(0), image, spec, TrustOption.IMAGE.resolve(image),
                        new CampaignListener() { }).result();

        assertTrue(result.allPassed());
        assertEquals(4, result.rounds().size());
        for (RoundRecord round : result.rounds()) {
            for (CorrelatedConnection c : round.connections()) {
                assertTrue(c.device().isEmpty(), "a passed round's board lines are not kept in memory");
                assertTrue(c.client().peerChain().isEmpty(), "nor its server chain");
            }
        }
        // The reports come from the journal, which has it all.
        JsonNode timeline = Json.mapper().readTree(result.runDir().resolve("timeline.json").toFile());
        assertEquals(8, timeline.get("connections").size());
        for (JsonNode connection : timeline.get("connections")) {
            assertFalse(connection.get("deviceLines").isEmpty(), connection.toString());
            assertTrue(connection.get("peerChainSha256").isTextual(), "the chain is back from the journal");
        }
        JsonNode summary = Json.mapper().readTree(result.runDir().resolve("summary.json").toFile());
        assertTrue(summary.get("passed").asBoolean(), summary.toString());
        // ref-2's own ready timeout (15 s) replaced the campaign's, and nothing else of the spec.
        JsonNode header = Json.mapper().readTree(Files.readAllLines(result.runDir().resolve("journal.jsonl")).get(0));
        assertEquals(15.0, header.get("data").get("spec").get("readyTimeout").asDouble());
        assertEquals(0.1, header.get("data").get("spec").get("roundInterval").asDouble());
    }

    /** A lab's own log format (a named regex in the lab file) parses the board's console in a real campaign. */
    @Test
    void aBoardLoggingInTheLabsOwnFormatIsParsedAndCorrelatedWithIt() throws Exception {
        Path file = dir.resolve("lab-formats.yaml");
        Files.writeString(file, """
                lock_dir: %s
                formats:
                  - name: ms-file-line
                    pattern: '^(?<time>[0-9]+): (?:(?<level>WARNING|ERROR): )?(?<file>[\\w.]+) (?<line>[0-9]+): (?<msg>.*)'
                    death: ['PANIC']
                boards:
                  own-1:
                    kind: reference
                    log_format: ms-file-line
                """.formatted(dir.resolve("locks")));
        Path runs = dir.resolve("runs-own");
        Cli result = hil("run", "--image", "lab-ca", "--trust", "image", "--lab", file.toString(), "--board", "own-1",
                "--boots", "1", "--rounds", "2", "--runs-dir", runs.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        Path run;
        try (Stream<Path> list = Files.list(runs)) {
            run = list.filter(p -> p.getFileName().toString().contains("own-1-lab-ca")).findFirst().orElseThrow();
        }
        JsonNode round = Files.readAllLines(run.resolve("journal.jsonl")).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).filter(n -> n.path("type").asText().equals("round")).findFirst().orElseThrow();
        JsonNode device = round.path("data").path("connections").get(0).path("device");
        assertTrue(device.size() > 3, round.toString());
        for (JsonNode event : device) {
            assertEquals("ms-file-line", event.path("format").asText(), event.toString());
        }
    }

    /** When the campaign started and ended, from its journal. */
    private static Instant[] span(Path journal) throws Exception {
        List<String> lines = Files.readAllLines(journal);
        JsonNode start = Json.mapper().readTree(lines.get(0));
        JsonNode end = Json.mapper().readTree(lines.get(lines.size() - 1));
        return new Instant[] {Instant.parse(start.path("data").path("started").asText(start.path("started").asText())),
                Instant.parse(end.path("data").path("at").asText(end.path("at").asText()))};
    }

    @Test
    void aLockedBoardIsRefusedWithWhoHoldsIt() throws Exception {
        Path lab = labFile();
        try (BoardLock held = BoardLock.acquire(dir.resolve("locks"), "ref-2", "hil console ref-2")) {
            Cli refused = hil("run", "--image", "lab-ca", "--lab", lab.toString(), "--board", "ref-2",
                    "--runs-dir", dir.resolve("runs").toString());
            assertEquals(2, refused.exitCode());
            assertTrue(refused.err().startsWith("hil: board ref-2 is busy: locked by " + System.getProperty("user.name")),
                    refused.err());
            assertTrue(refused.err().contains("(hil console ref-2)"), refused.err());
            assertFalse(refused.err().contains("\tat "), refused.err());

            Cli boards = hil("boards", "--lab", lab.toString());
            assertEquals(0, boards.exitCode(), boards.err());
            assertTrue(boards.out().lines().anyMatch(l -> l.matches("ref-2 +reference +ref +host process \\(pty\\) +locked by .*")),
                    boards.out());
            assertTrue(boards.out().lines().anyMatch(l -> l.startsWith("ref-2") && l.contains("locked by ")
                    && l.contains("(hil console ref-2)")), boards.out());
            assertTrue(boards.out().lines().anyMatch(l -> l.startsWith("ref-1") && l.endsWith(" free")), boards.out());
        }
    }

    @Test
    void breakConsoleAndControlLineResetsOnTheReferencePty() throws Exception {
        LabConfig lab = LabConfig.read(labFile());
        FirmwareImage image = new ImageBuilder(layout).build("lab-ca");
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        try (Board board = LabBoards.open(lab.select("ref-1").get(0), run, run.resolve("console.raw"))) {
            Console console = board.console();
            board.flasher().flash(image);
            board.resetter(ResetKind.HARD).reset();
            assertTrue(console.awaitLine(board.readyPattern(), 0, BOOT).isPresent(), () -> "not ready: " + console.tail(10));

            // The firmware ignores a break (DAPLink would reset the target); the call path works on a pty.
            new BreakReset(console, Duration.ofMillis(50)).reset();
            long mark = console.lastSeq();
            console.send("status");
            assertTrue(console.awaitLine(Pattern.compile("status: boot 1,"), mark, BOOT).isPresent(), () -> "" + console.tail(5));

            BoardException dtr = assertThrows(BoardException.class,
                    () -> new ControlLinePulseReset(console, ControlLine.DTR, true, Duration.ofMillis(10)).reset());
            assertTrue(dtr.getMessage().startsWith("DTR reset is not supported by this port"), dtr.getMessage());

            mark = console.lastSeq();
            new ConsoleCommandReset(console, "reboot").reset();
            assertTrue(console.awaitLine(Pattern.compile("boot 2, reset cause: soft"), mark, BOOT).isPresent(),
                    () -> "" + console.tail(10));
        }
    }

    @Test
    void aConsoleFoundByUsbSerialNumberFollowsTheBoardThroughAPowerCycle() throws Exception {
        HostBoardFolder folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")).toAbsolutePath());
        HostProcessPower power = new HostProcessPower(folder, freePort(), Optional.empty());
        new FolderFlasher(folder).flash(new ImageBuilder(layout).build("lab-ca"));
        List<String> nodes = new ArrayList<>();
        // What udev would report: the board's CDC port with its serial number, wherever the node is now.
        UsbConsoleTransport transport = new UsbConsoleTransport(UsbPortSelector.bySerialNumber("REF0001"), 115200, () -> {
            if (!Files.exists(folder.consoleLink())) {
                return List.of();
            }
            try {
                String node = folder.consoleLink().toRealPath().toString();
                nodes.add(node);
                return List.of(new PortInfo(node, "refboard", "REF0001", 0x1209, 0x0001, "1-1.2", "hil"),
                        new PortInfo("/dev/ttyS0", "uart", "Unknown", -1, -1, "", "Unknown"));
            } catch (java.io.IOException gone) {
                return List.of();
            }
        });
        try (Console console = Console.open(transport, dir.resolve("console.raw")).start()) {
            power.powerOn();
            assertTrue(console.awaitLine(Pattern.compile("boot 1, reset cause: power-on"), 0, BOOT).isPresent(),
                    () -> "" + console.tail(10));
            int gone = console.disconnects();
            long mark = console.lastSeq();
            power.powerOff();
            power.powerOn();
            assertTrue(console.awaitDisconnects(gone + 1, BOOT));
            assertTrue(console.awaitLine(Pattern.compile("boot 2, reset cause: power-on"), mark, BOOT).isPresent(),
                    () -> "no banner after re-enumeration: " + console.tail(10));
            assertTrue(console.describe().contains("serial REF0001"), console.describe());
        } finally {
            power.close();
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
