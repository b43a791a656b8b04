package io.hilharness.lab;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.ResetKind;
import io.hilharness.board.host.FolderFlasher;
import io.hilharness.board.host.HostBoardFolder;
import io.hilharness.board.host.HostProcessPower;
import io.hilharness.board.reset.BreakReset;
import io.hilharness.board.reset.ControlLinePulseReset;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleLine;
import io.hilharness.console.ConsoleTransport.ControlLine;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.TrustOption;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.LabRunner;
import io.hilharness.image.ProjectLayout;
import io.hilharness.testing.CampaignExplained;
import io.hilharness.testing.ReferenceFirmware;
import io.hilharness.testing.Ser2netServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab board whose console is an RFC 2217 port of a real ser2net serving the reference board's console
 * pty: {@code console: {rfc2217: 127.0.0.1:P, baud: 115200}, reset: {method: break}}. The firmware's
 * {@code --console-tee} is the wire tap every byte of console.raw is checked against.
 */
class Rfc2217ConsoleIT {
    private static final Duration BOOT = Duration.ofSeconds(20);
    private static final Pattern FLOOD_DONE = Pattern.compile("flood done: (\\d+) bytes in (\\d+) lines");
    private static ProjectLayout layout;

    @TempDir
    Path dir;

    private HostProcessPower power;
    private Ser2netServer ser2net;
    private LabConfig lab;
    private Board board;
    private Path tee;
    private Path raw;

    @BeforeAll
    static void buildFirmware() throws Exception {
        layout = ReferenceFirmware.built();
    }

    @BeforeEach
    void boardBehindSer2net() throws Exception {
        HostBoardFolder folder = new HostBoardFolder(Files.createDirectories(dir.resolve("board")).toAbsolutePath());
        tee = dir.resolve("tee.bin");
        raw = dir.resolve("console.raw");
        int httpsPort = LoopbackPorts.free();
        power = new HostProcessPower(folder, httpsPort, Optional.of(tee));
        new FolderFlasher(folder).flash(new ImageBuilder(layout).build("lab-ca"));
        power.powerOn();
        ser2net = Ser2netServer.rfc2217(folder.consoleLink(), dir);
        // The board is flashed above, as a lab's would be by its probe: the lab file's flash is a no-op.
        Path labFile = dir.resolve("lab.yaml");
        Files.writeString(labFile, """
                lock_dir: %s
                boards:
                  remote:
                    kind: serial
                    console: {rfc2217: "127.0.0.1:%d", baud: 115200}
                    endpoint: 127.0.0.1:%d
                    flash: {method: command, command: ["true"]}
                    reset: {method: break}
                  remote-reboot:
                    kind: serial
                    console: {rfc2217: "127.0.0.1:%d", baud: 115200}
                    endpoint: 127.0.0.1:%d
                    flash: {method: command, command: ["true"]}
                    reset: {method: console, command: reboot}
                """.formatted(dir.resolve("locks"), ser2net.port(), httpsPort, ser2net.port(), httpsPort));
        lab = LabConfig.read(labFile);
    }

    /** The lab board {@code remote} (break reset), ready. */
    private Board openBoard() throws Exception {
        board = LabBoards.open(lab.select("remote").get(0), dir, raw);
        Console console = board.console();
        assertTrue(console.awaitLine(board.readyPattern(), 0, BOOT).isPresent(),
                () -> "not ready over ser2net: " + console.tail(10) + "\n" + ser2netLog());
        return board;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (board != null) {
            board.close();
        }
        if (ser2net != null) {
            ser2net.close();
        }
        if (power != null) {
            power.powerOff();
        }
    }

    @Test
    void consoleRawIsTheWireByteForByteWithEveryHighByteAndAFlood() throws Exception {
        Console console = openBoard().console();
        // The firmware repeats an unknown command: every byte 0x80..0xFF, 0xFF (Telnet's IAC) included, comes back.
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        command.write('z');
        for (int b = 0x80; b <= 0xff; b++) {
            command.write(b);
        }
        long mark = console.lastSeq();
        console.sendBytes(concat(command.toByteArray(), new byte[] {'\r'}));
        assertTrue(console.awaitLine(Pattern.compile("unknown command: z"), mark, BOOT).isPresent(), () -> "" + console.tail(5));

        mark = console.lastSeq();
        console.send("flood 2000000");
        ConsoleLine done = console.awaitLine(FLOOD_DONE, mark, BOOT).orElseThrow(() -> new AssertionError(console.tail(5)));
        console.send("status");
        assertTrue(console.awaitLine(Pattern.compile("console drops 0$"), done.seq(), BOOT).isPresent(), () -> "" + console.tail(5));

        byte[] wire = awaitCaptureMatchesTee();
        byte[] echoed = concat("unknown command: ".getBytes(StandardCharsets.US_ASCII), command.toByteArray(), new byte[] {'\r', '\n'});
        assertTrue(indexOf(wire, echoed) >= 0, "the high bytes arrive once each, unescaped");
        Matcher flood = FLOOD_DONE.matcher(done.text());
        assertTrue(flood.find());
        assertTrue(Long.parseLong(flood.group(1)) >= 2_000_000);
    }

    @Test
    void breakReachesSer2netAndControlLinesFailClearlyOnAPty() throws Exception {
        Console console = openBoard().console();
        assertInstanceOf(BreakReset.class, board.resetter(ResetKind.SOFT));
        // ser2net acknowledged BREAK-ON and BREAK-OFF, or reset() would throw. A pty has no break (Linux drops
        // it), so the reference board keeps running: a DAPLink board would reset here.
        board.resetter(ResetKind.SOFT).reset();
        long mark = console.lastSeq();
        console.send("status");
        assertTrue(console.awaitLine(Pattern.compile("status: boot 1,"), mark, BOOT).isPresent(), () -> "" + console.tail(5));

        // ser2net does not answer SET-CONTROL DTR on a device without modem lines: the pulse fails with one line.
        BoardException dtr = assertThrows(BoardException.class,
                () -> new ControlLinePulseReset(console, ControlLine.DTR, true, Duration.ofMillis(10)).reset());
        assertTrue(dtr.getMessage().startsWith("DTR reset is not supported by this port"), dtr.getMessage());
        assertTrue(dtr.getMessage().contains("rfc2217 127.0.0.1:" + ser2net.port() + " @115200"), dtr.getMessage());
    }

    @Test
    void ser2netKilledMidFloodAndRestartedLosesOnlyWhatItNeverDelivered() throws Exception {
        Console console = openBoard().console();
        long mark = console.lastSeq();
        console.send("flood 20000000");
        assertTrue(console.awaitLine(Pattern.compile("flood seq 1 "), mark, BOOT).isPresent(), () -> "" + console.tail(5));
        int before = console.disconnects();
        ser2net.kill();
        assertTrue(console.awaitDisconnects(before + 1, BOOT));
        ser2net.start(); // the flood waits up to 10 s for a reader: it goes on once the console is back

        assertTrue(console.awaitLine(FLOOD_DONE, mark, Duration.ofSeconds(60)).isPresent(),
                () -> "flood did not finish after the restart: " + console.tail(5) + "\n" + ser2netLog());
        mark = console.lastSeq();
        console.send("status");
        assertTrue(console.awaitLine(Pattern.compile("status: boot 1, .*console drops 0$"), mark, BOOT).isPresent(),
                () -> "" + console.tail(5));

        // What ser2net had read from the pty and not sent when it died is gone; everything else is there, in order:
        // the capture is the tee with one gap at most.
        byte[] wire = Files.readAllBytes(tee);
        await().atMost(BOOT).until(() -> Files.size(raw) > 0 && endsWithStatus(Files.readAllBytes(raw)));
        byte[] got = Files.readAllBytes(raw);
        int prefix = Arrays.mismatch(got, wire);
        if (prefix < 0) {
            return; // ser2net had delivered everything when it died
        }
        byte[] gotTail = Arrays.copyOfRange(got, prefix, got.length);
        byte[] wireTail = Arrays.copyOfRange(wire, wire.length - gotTail.length, wire.length);
        assertArrayEquals(wireTail, gotTail, "after the gap of " + (wire.length - got.length) + " bytes the capture is the wire");
    }

    @Test
    void aCampaignGoesOnAcrossASer2netRestart() throws Exception {
        FirmwareImage image = new ImageBuilder(layout).build("lab-ca");
        CampaignSpec spec = new CampaignSpec(3, 2, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html"),
                6, BOOT, Duration.ofSeconds(10), Duration.ofMillis(100));
        List<Integer> restartedAfter = new ArrayList<>();
        CampaignListener restartAfterBootOne = new CampaignListener() {
            @Override
            public void bootDone(BootRecord boot) {
                if (boot.boot() == 1) {
                    try {
                        ser2net.kill(); // the console server's host goes down between boots, as in a lab
                        ser2net.start();
                        restartedAfter.add(boot.boot());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        CampaignResult result = new LabRunner(lab, dir.resolve("runs"), "Rfc2217ConsoleIT")
                .run(lab.select("remote-reboot").get(0), image, spec, TrustOption.IMAGE.resolve(image), restartAfterBootOne)
                .result();

        assertEquals(List.of(1), restartedAfter);
        assertTrue(result.allPassed(), () -> "campaign failed across the restart:\n" + CampaignExplained.of(result));
        assertEquals(3, result.boots().size());
        String capture = Files.readString(result.runDir().resolve("console.raw"), StandardCharsets.ISO_8859_1);
        assertTrue(capture.contains("boot 3, reset cause: soft"), "boots after the restart were read");
    }

    private static boolean endsWithStatus(byte[] bytes) {
        String end = new String(bytes, Math.max(0, bytes.length - 200), Math.min(200, bytes.length), StandardCharsets.ISO_8859_1);
        return end.contains("console drops 0\r\n");
    }

    /** The firmware tees a line before the pty delivers it: wait until the capture caught up, then compare. */
    private byte[] awaitCaptureMatchesTee() throws Exception {
        await().atMost(BOOT).until(() -> Files.size(raw) == Files.size(tee));
        byte[] wire = Files.readAllBytes(tee);
        assertArrayEquals(wire, Files.readAllBytes(raw), "console.raw differs from the firmware's tee");
        assertEquals(wire.length, Files.size(raw));
        return wire;
    }

    private String ser2netLog() {
        try {
            return "ser2net log:\n" + ser2net.log();
        } catch (java.io.IOException e) {
            return "no ser2net log: " + e.getMessage();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
