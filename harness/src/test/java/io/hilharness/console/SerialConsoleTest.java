package io.hilharness.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over a real pty pair (socat) read by real jSerialComm, as it would read a board's USB UART. */
class SerialConsoleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private PtyPair pty;
    private Console console;
    private OutputStream board;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<ConsoleState> states = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
        if (board != null) {
            board.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private Path capture() {
        return dir.resolve("console.raw");
    }

    private void startPty(boolean logTransfers) throws IOException {
        pty = new PtyPair(dir, logTransfers).start();
        board = pty.openBoardSide();
    }

    private Console startConsole(UnaryOperator<Console.Builder> settings) throws IOException {
        console = settings.apply(Console.builder(SerialTransport.byPath(pty.b())).rawCapture(capture())).build();
        console.addStateListener(states::add);
        console.start();
        assertTrue(console.awaitConnected(WAIT), () -> "not connected: " + console.lastTransportError());
        return console;
    }

    /** Writes like the board and waits until the console captured it, so the next write is a separate read. */
    private void boardWrites(byte[] bytes) throws IOException {
        board.write(bytes);
        board.flush();
        written.write(bytes);
        long expected = written.size();
        await().atMost(WAIT).until(() -> console.capturedBytes() >= expected);
    }

    private void boardWrites(String s) throws IOException {
        boardWrites(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> texts() {
        return console.lines(0).stream().map(ConsoleLine::text).toList();
    }

    private ConsoleLine awaitLine(String regex) {
        return console.awaitLine(Pattern.compile(regex), 0, WAIT)
                .orElseThrow(() -> new AssertionError("no line /" + regex + "/; tail: " + console.tail(10)));
    }

    @Test
    void framesCrLfAndCrlfAlsoWhenCrlfIsSplitAcrossReads() throws IOException {
        startPty(false);
        startConsole(b -> b);

        boardWrites("one\r\ntwo\nthree\rfour\r");
        boardWrites("\nfive\r");
        boardWrites("\u001b[2Kprogress 50%\r\u001b[2Kprogress 100%\r\n");
        boardWrites("\n\nend\n");
        awaitLine("^end$");

        assertEquals(List.of("one", "two", "three", "four", "five", "\u001b[2Kprogress 50%",
                "\u001b[2Kprogress 100%", "", "", "end"), texts());
        List<ConsoleLine> lines = console.lines(0);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, lines.get(i).seq());
            assertFalse(lines.get(i).truncated());
        }
        // Offsets point at each line's first byte in the capture.
        byte[] raw = Files.readAllBytes(capture());
        for (ConsoleLine line : lines) {
            byte[] text = line.text().getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(text, Arrays.copyOfRange(raw, (int) line.offset(), (int) line.offset() + text.length));
        }
        assertEquals(lines.get(lines.size() - 1).seq(), console.lastSeq());
    }

    @Test
    void utf8CharacterSplitAcrossReadsDecodesRight() throws IOException {
        startPty(false);
        startConsole(b -> b);

        byte[] all = "café 12€ 🚀\n".getBytes(StandardCharsets.UTF_8);
        // Cut inside é (2 bytes), inside € (3 bytes) and inside the rocket (4 bytes).
        int e = indexOf(all, (byte) 0xC3) + 1;
        int euro = indexOf(all, (byte) 0xE2) + 2;
        int rocket = indexOf(all, (byte) 0xF0) + 1;
        boardWrites(Arrays.copyOfRange(all, 0, e));
        boardWrites(Arrays.copyOfRange(all, e, euro));
        boardWrites(Arrays.copyOfRange(all, euro, rocket));
        boardWrites(Arrays.copyOfRange(all, rocket, all.length));

        assertEquals("café 12€ 🚀", awaitLine("caf").text());
    }

    @Test
    void binaryGarbageBecomesReplacementTextAndIsCapturedByteForByte() throws IOException {
        startPty(false);
        startConsole(b -> b);

        boardWrites(new byte[] {'A', 0x00, 'B', (byte) 0xFF, 'C', (byte) 0xC3, '(', (byte) 0x80, '\n'});
        byte[] garbage = new byte[256 * 1024];
        new Random(42).nextBytes(garbage);
        boardWrites(garbage);
        boardWrites("\nEND\n");

        assertEquals("END", awaitLine("^END$").text());
        assertEquals("A\u0000B\uFFFDC\uFFFD(\uFFFD", console.lines(0).get(0).text());
        assertArrayEquals(written.toByteArray(), Files.readAllBytes(capture()));
    }

    @Test
    void tenMegabyteLineIsCutIntoTruncatedPiecesWithBoundedMemory() throws Exception {
        startPty(false);
        List<long[]> pieces = new CopyOnWriteArrayList<>(); // {seq, offset, length, truncated} - no text kept
        long historyChars = 1 << 20;
        startConsole(b -> b.history(10_000, historyChars));
        console.addListener(l -> pieces.add(new long[] {l.seq(), l.offset(), l.text().length(), l.truncated() ? 1 : 0}));

        int size = 10_000_000;
        byte[] line = new byte[size];
        Arrays.fill(line, (byte) 'x');
        boardWrites("start\n");
        boardWrites(line);
        boardWrites("\ntail\n");
        awaitLine("^tail$");

        List<long[]> big = pieces.subList(1, pieces.size() - 1);
        assertEquals((size + LineFramer.DEFAULT_MAX_LINE_LENGTH - 1) / LineFramer.DEFAULT_MAX_LINE_LENGTH, big.size());
        long expectedOffset = "start\n".length();
        for (long[] p : big) {
            assertTrue(p[2] <= LineFramer.DEFAULT_MAX_LINE_LENGTH);
            assertEquals(1, p[3], "every piece of an over-long line is flagged truncated");
            assertEquals(expectedOffset, p[1], "pieces are contiguous in the capture");
            expectedOffset += p[2];
        }
        assertEquals(6 + size, expectedOffset);
        long held = console.lines(0).stream().mapToLong(l -> l.text().length()).sum();
        assertTrue(held <= historyChars, "history holds " + held + " chars");
        assertEquals(-1, Files.mismatch(capture(), writtenFile()));
    }

    private Path writtenFile() throws IOException {
        return Files.write(dir.resolve("written.bin"), written.toByteArray());
    }

    @Test
    void awaitLineSeesEarlierLinesAndTimesOutEmpty() throws IOException {
        startPty(false);
        startConsole(b -> b);
        boardWrites("boot: server ready on port 443\n");

        Optional<ConsoleLine> early = console.awaitLine(Pattern.compile("ready on port (\\d+)"), 0, Duration.ofMillis(1));
        assertTrue(early.isPresent(), "a line that arrived before the call is found");
        assertEquals(1, early.get().seq());

        long mark = console.lastSeq();
        assertTrue(console.awaitLine(Pattern.compile("ready"), mark, Duration.ofMillis(200)).isEmpty(),
                "lines up to the mark do not count");

        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                board.write("GET / 200\n".getBytes(StandardCharsets.US_ASCII));
                board.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("GET / 200", console.awaitLine(Pattern.compile("200"), mark, WAIT).orElseThrow().text());
        later.join();
    }

    @Test
    void bytesWrittenBeforeThePortOpensAreReceived() throws Exception {
        startPty(true);
        byte[] boot = "ROM: boot 1\r\nROM: boot 2\r\n".getBytes(StandardCharsets.US_ASCII);
        board.write(boot);
        board.flush();
        // Wait until socat has moved the bytes into the host-side pty, i.e. they sit in b's input queue.
        await().atMost(WAIT).until(() -> pty.transferred() >= boot.length);

        startConsole(b -> b);
        awaitLine("boot 2");
        assertEquals(List.of("ROM: boot 1", "ROM: boot 2"), texts());
        assertArrayEquals(boot, Files.readAllBytes(capture()));
    }

    @Test
    void reconnectsAfterTheDeviceVanishesAndKeepsCapturingInTheSameFile() throws Exception {
        reconnect(false);
    }

    @Test
    void reconnectsAfterAHardKillThatLeavesDanglingLinks() throws Exception {
        reconnect(true);
    }

    private void reconnect(boolean hardKill) throws Exception {
        startPty(false);
        startConsole(b -> b);
        boardWrites("before\npartial");

        int disconnects = console.disconnects();
        board.close();
        if (hardKill) {
            pty.killHard();
        } else {
            pty.kill();
        }
        assertTrue(console.awaitDisconnects(disconnects + 1, WAIT), "disconnect detected");
        ConsoleLine partial = awaitLine("^partial$");
        assertFalse(console.isConnected());

        pty.start();
        board = pty.openBoardSide();
        assertTrue(console.awaitConnected(WAIT), () -> "reconnected: " + console.lastTransportError());
        boardWrites("after\n");

        ConsoleLine after = awaitLine("^after$");
        assertTrue(after.seq() > partial.seq());
        assertEquals(List.of("before", "partial", "after"), texts());
        assertEquals(List.of(ConsoleState.CONNECTED, ConsoleState.DISCONNECTED, ConsoleState.RECONNECTED), states);
        assertArrayEquals("before\npartialafter\n".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(capture()));
        assertEquals("before\npartial".length(), after.offset());
    }

    @Test
    void sendWritesCommandWithCrlfAndBreakWorksOnPty() throws Exception {
        startPty(false);
        Path tx = dir.resolve("console-tx");
        startConsole(b -> b.txLog(tx));
        SerialTransport boardRx = SerialTransport.byPath(pty.a());
        boardRx.open();
        try {
            console.send("help");
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[256];
            await().atMost(WAIT).until(() -> {
                int n = boardRx.read(buf);
                if (n > 0) {
                    got.write(buf, 0, n);
                }
                return got.size() >= 6;
            });
            assertEquals("help\r\n", got.toString(StandardCharsets.US_ASCII));
        } finally {
            boardRx.close();
        }
        assertTrue(console.sendBreak(Duration.ofMillis(5)));
        assertEquals("help\r\n", Files.readString(tx));
        assertEquals(0, Files.size(capture()), "sent bytes are not part of the receive capture");
    }

    @Test
    void throwingListenerDoesNotStopTheReader() throws IOException {
        startPty(false);
        startConsole(b -> b);
        List<String> seen = new CopyOnWriteArrayList<>();
        console.addListener(l -> {
            throw new IllegalStateException("listener bug");
        });
        console.addListener(l -> seen.add(l.text()));
        boardWrites("one\ntwo\n");
        // Listeners run after the line enters the history, so wait for them rather than for awaitLine.
        await().atMost(WAIT).until(() -> seen.size() >= 2);
        assertEquals(List.of("one", "two"), seen);
    }

    @Test
    void closeIsBoundedIdempotentAndFlushesThePartialLine() throws IOException {
        startPty(false);
        startConsole(b -> b);
        boardWrites("no newline yet");
        console.close();
        console.close();
        assertTrue(console.stoppedWhenAsked(), "the reader noticed the stop between two timed reads");
        assertEquals(List.of("no newline yet"), texts());
        assertEquals(ConsoleState.CLOSED, states.get(states.size() - 1));
        assertTrue(console.awaitLine(Pattern.compile("x"), console.lastSeq(), WAIT).isEmpty());
    }

    @Test
    void waitsForADeviceThatAppearsLater() throws Exception {
        pty = new PtyPair(dir);
        console = Console.open(SerialTransport.byPath(pty.b()), capture());
        console.addStateListener(states::add);
        console.start();
        assertFalse(console.awaitConnected(Duration.ofMillis(100)));

        pty.start();
        board = pty.openBoardSide();
        assertTrue(console.awaitConnected(WAIT));
        boardWrites("hello\n");
        awaitLine("hello");
        assertEquals(List.of(ConsoleState.CONNECTED), states);
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
