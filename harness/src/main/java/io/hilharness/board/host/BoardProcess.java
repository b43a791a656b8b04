package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

/**
 * A board that runs as a host process (the reference firmware, the lwIP binary, QEMU): its output appended
 * to a log, killed hard when power is cut or the JVM exits (no stray boards), and an end that nobody asked
 * for told apart from a kill.
 */
public final class BoardProcess {
    private static final long KILL_WAIT_SECONDS = 10;

    private final Process process;
    private final Thread shutdownHook;
    private volatile boolean killed;

    private BoardProcess(Process process) {
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly, "hil-board-power-off");
    }

    /**
     * @param diedByItself called with this process and its exit value when it ends without {@link #kill}
     *                     (perhaps after its owner has started another: the owner tells them apart)
     */
    public static BoardProcess start(List<String> argv, Path log, ObjIntConsumer<BoardProcess> diedByItself)
            throws IOException {
        Process process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        BoardProcess started = new BoardProcess(process);
        Runtime.getRuntime().addShutdownHook(started.shutdownHook);
        process.onExit().thenAccept(ended -> {
            started.removeShutdownHook();
            if (!started.killed) {
                diedByItself.accept(started, ended.exitValue());
            }
        });
        return started;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the process has ended within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @throws IllegalThreadStateException while it runs */
    public int exitValue() {
        return process.exitValue();
    }

    /** As when power is cut: no chance to clean up. Returns once the process is gone. */
    public void kill() throws BoardException {
        killed = true;
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BoardException("board process " + process.pid() + " did not die within " + KILL_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while powering off", e);
        } finally {
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    /** Java reports a process killed by signal N as exit value 128 + N. */
    public static String describeExit(int exitValue) {
        if (exitValue > 128 && exitValue < 160) {
            int signal = exitValue - 128;
            String name = switch (signal) {
                case 4 -> " (SIGILL)";
                case 6 -> " (SIGABRT)";
                case 7 -> " (SIGBUS)";
                case 8 -> " (SIGFPE)";
                case 9 -> " (SIGKILL)";
                case 11 -> " (SIGSEGV)";
                case 15 -> " (SIGTERM)";
                default -> "";
            };
            return "killed by signal " + signal + name;
        }
        return "exited with code " + exitValue;
    }
}
