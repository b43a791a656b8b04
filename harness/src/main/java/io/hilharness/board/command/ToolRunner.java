package io.hilharness.board.command;

import io.hilharness.board.BoardException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool (flasher, reset or power command) with a timeout and keeps what it said:
 * {@code NAME.cmd} (the exact argument vector), {@code NAME.stdout}, {@code NAME.stderr} in a log folder,
 * usually the run folder. A non-zero exit or a timeout is a {@link BoardException} that points at those files.
 */
public final class ToolRunner {
    private final Path logDir;
    private final Duration timeout;

    public ToolRunner(Path logDir, Duration timeout) {
        this.logDir = logDir;
        this.timeout = timeout;
    }

    public Path logDir() {
        return logDir;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Runs {@code argv} to completion; {@code name} labels the log files (e.g. "flash-openocd"). */
    public void run(String name, List<String> argv) throws BoardException {
        Path stdout = logDir.resolve(name + ".stdout");
        Path stderr = logDir.resolve(name + ".stderr");
        Process process;
        try {
            Files.createDirectories(logDir);
            Files.writeString(logDir.resolve(name + ".cmd"), String.join("\n", argv) + "\n", StandardCharsets.UTF_8);
            process = new ProcessBuilder(argv)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new BoardException(name + ": cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // The tool may have spawned helpers (a GDB server...): they go too.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new BoardException(name + ": " + argv.get(0) + " timed out after " + timeout.toSeconds()
                        + " s and was killed (output: " + stdout + ", " + stderr + ")");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BoardException(name + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new BoardException(name + ": " + argv.get(0) + " exited with code " + process.exitValue()
                    + lastLine(stderr) + " (output: " + stdout + ", " + stderr + ")");
        }
    }

    /** The tool's own last words, so the one-line error usually says what went wrong. */
    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
