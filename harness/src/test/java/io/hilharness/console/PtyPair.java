package io.hilharness.console;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Two connected pseudo-terminals made by a real socat process: a test writes to {@link #a()} like a board
 * would, the code under test reads {@link #b()}. Stands in for a USB serial console, including its
 * disappearance ({@link #kill()}) and reappearance ({@link #start()} again with the same links).
 */
final class PtyPair implements AutoCloseable {

    private static final Pattern LENGTH = Pattern.compile("length=(\\d+)");

    private final Path a;
    private final Path b;
    private final Path log;
    private final boolean logTransfers;
    private Process socat;

    PtyPair(Path dir) {
        this(dir, false);
    }

    /** @param logTransfers have socat log each transferred block, for {@link #transferred()} */
    PtyPair(Path dir, boolean logTransfers) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
        this.log = dir.resolve("socat.log");
        this.logTransfers = logTransfers;
    }

    /** Opens the board side for writing, like the board's UART transmitting. */
    OutputStream openBoardSide() throws IOException {
        return new FileOutputStream(a.toRealPath().toFile());
    }

    /** Board side: write here. */
    Path a() {
        return a;
    }

    /** Host side: the console opens this. */
    Path b() {
        return b;
    }

    /** Starts socat and waits until both links exist. */
    PtyPair start() throws IOException {
        Files.deleteIfExists(log);
        // -v logs every transferred block ("length=N"), which lets tests wait until bytes have crossed.
        List<String> cmd = new ArrayList<>(List.of("socat", "-d", "-d"));
        if (logTransfers) {
            cmd.add("-v");
        }
        cmd.add("pty,raw,echo=0,link=" + a);
        cmd.add("pty,raw,echo=0,link=" + b);
        socat = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> Files.exists(a) && Files.exists(b) && log().contains("starting data transfer loop"));
        return this;
    }

    /** Total bytes socat reports having moved (both directions). */
    long transferred() throws IOException {
        long sum = 0;
        Matcher m = LENGTH.matcher(log());
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    /** Terminates socat (SIGTERM: it removes its links, like a USB device node vanishing) and waits for it. */
    void kill() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            socat.destroy();
            if (!socat.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor();
            }
        }
    }

    /** SIGKILL: socat cannot clean up, so the links stay behind dangling, like a stale by-id link. */
    void killHard() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            socat.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
