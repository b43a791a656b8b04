package io.hilharness.image;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds a board's firmware for one image with the board's build.sh: writes the manifest's {@code build:}
 * settings as the configuration header and runs the script on it (and on the image's own files, for a board
 * that embeds them), which compiles lwIP and Mbed TLS from their release sources or reuses its cache for the
 * same header. The script prints the firmware's path last; its own errors are one stderr line with its prefix.
 */
public final class FirmwareBuild {
    /** From scratch (both libraries from source) on a busy 2-core machine; a cached build takes a moment. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final String board;
    private final Path script;
    private final String fileStem;
    private final String errorPrefix;
    private final boolean executable;

    private FirmwareBuild(String board, Path script, String fileStem, String errorPrefix, boolean executable) {
        this.board = board;
        this.script = script;
        this.fileStem = fileStem;
        this.errorPrefix = errorPrefix;
        this.executable = executable;
    }

    /** The lwIP board: {@code build.sh CONFIG_H}, printing the path of an executable (in the script's cache). */
    public static FirmwareBuild lwip(Path script) {
        return new FirmwareBuild("the lwIP board", script, "lwip", "lwip-board:", true);
    }

    /**
     * The QEMU board: {@code build.sh CONFIG_H CHAIN_PEM KEY_PEM CONTENT_DIR OUT_DIR}, printing the path of the
     * ELF it wrote into OUT_DIR (the certificates and content are linked into it).
     */
    public static FirmwareBuild qemu(Path script) {
        return new FirmwareBuild("the QEMU board", script, "qemu", "qemu-board:", false);
    }

    /** The configuration header in the image folder. */
    public Path configHeader(Path out) {
        return out.resolve(fileStem + "-config.h");
    }

    /** What the build said (stderr) in the image folder. */
    public Path buildLog(Path out) {
        return out.resolve(fileStem + "-build.log");
    }

    /**
     * @param out       the image folder: the header and the build's output stay there
     * @param arguments the script's arguments after the header
     * @return the built firmware
     */
    public Path build(ImageManifest manifest, Path out, List<Path> arguments) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IOException(board + "'s build script " + script + " is missing");
        }
        Path header = configHeader(out);
        Files.writeString(header, manifest.configHeader(), StandardCharsets.UTF_8);
        Path log = buildLog(out);
        Path stdout = Files.createTempFile(out, fileStem + "-build", ".out");
        try {
            List<String> argv = new ArrayList<>(List.of("sh", script.toString(), header.toAbsolutePath().toString()));
            arguments.forEach(a -> argv.add(a.toAbsolutePath().toString()));
            int exit = run(argv, stdout, log);
            List<String> printed = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (exit != 0) {
                throw new IOException("building " + board + " for image " + manifest.name() + " failed: "
                        + scriptError(log, exit) + " (see " + log + ")");
            }
            Path firmware = printed.isEmpty() ? null : Path.of(printed.get(printed.size() - 1).strip());
            if (firmware == null || !(executable ? Files.isExecutable(firmware) : Files.isRegularFile(firmware))) {
                throw new IOException("building " + board + " for image " + manifest.name() + ": " + script
                        + " did not print the path of " + (executable ? "an executable" : "a file")
                        + " as its last line (see " + log + ")");
            }
            return firmware;
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    private int run(List<String> argv, Path stdout, Path log) throws IOException {
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(log.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("building " + board + " took more than " + TIMEOUT.toMinutes() + " minutes (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building " + board, e);
        }
        return process.exitValue();
    }

    /** The script's own line when it gave one, else the last thing the compiler said. */
    private String scriptError(Path log, int exit) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.stream().filter(l -> l.startsWith(errorPrefix)).findFirst()
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                .orElse("exit code " + exit);
    }
}
