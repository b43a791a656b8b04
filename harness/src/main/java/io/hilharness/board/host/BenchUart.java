package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A bench's UART that outlives the board's power, as a USB-serial adapter powered by the host keeps its
 * device when the target's supply is cut: a socat pty pair whose lab end ({@link #path()}) a console server
 * such as ser2net holds open, and whose other end is bridged to the board's own console while it is on.
 * Whatever the board printed before the bridge came up waits in its pty, so nothing is lost.
 */
final class BenchUart implements AutoCloseable {
    private static final Duration PAIR_TIMEOUT = Duration.ofSeconds(20);

    private final Path path;
    private final Path boardEnd;
    private final Process pair;
    private Process bridge;

    private BenchUart(Path path, Path boardEnd, Process pair) {
        this.path = path;
        this.boardEnd = boardEnd;
        this.pair = pair;
    }

    /** The pair, its lab end at {@code path}, once both ends exist; socat's own messages go to {@code log}. */
    static BenchUart open(Path path, Path log) throws BoardException {
        Path boardEnd = path.resolveSibling(path.getFileName() + "-board");
        Process pair = start(log, "pty,raw,echo=0,link=" + path, "pty,raw,echo=0,link=" + boardEnd);
        BenchUart uart = new BenchUart(path, boardEnd, pair);
        try {
            if (!PathWatcher.awaitExists(boardEnd, PAIR_TIMEOUT, pair::isAlive) || !Files.exists(path)) {
                uart.close();
                throw new BoardException("socat made no pty pair at " + path + " (see " + log + ")");
            }
        } catch (IOException e) {
            uart.close();
            throw new BoardException("cannot watch " + boardEnd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            uart.close();
            throw new BoardException("interrupted while opening the UART at " + path, e);
        }
        return uart;
    }

    /** The device a console server shares; it stays through power cycles. */
    Path path() {
        return path;
    }

    /** Joins the pair to the board's console, which must exist (the board is on). */
    synchronized void connect(Path boardConsole) throws BoardException {
        disconnect();
        bridge = start(null, "FILE:" + boardEnd + ",raw,echo=0", "FILE:" + boardConsole + ",raw,echo=0");
    }

    /** Lets go of the board's console (it is going, or gone). */
    synchronized void disconnect() {
        if (bridge != null) {
            stop(bridge);
            bridge = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
        // SIGTERM, not SIGKILL: socat removes its links when it exits cleanly.
        stop(pair);
    }

    private static Process start(Path log, String... addresses) throws BoardException {
        ProcessBuilder builder = new ProcessBuilder("socat", addresses[0], addresses[1]).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BoardException("cannot run socat (apt-get install socat): " + e.getMessage(), e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
