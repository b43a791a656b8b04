package io.hilharness.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the lwIP board's binary for one image: writes the manifest's {@code build:} settings as the
 * configuration header and runs the board's build.sh on it, which compiles lwIP and Mbed TLS from their
 * release sources or reuses its cache for the same header. The script prints the binary's path last.
 */
public final class LwipFirmwareBuild {
    public static final String CONFIG_HEADER = "lwip-config.h";
    public static final String BUILD_LOG = "lwip-build.log";
    /** From scratch (both libraries from source) on a busy 2-core machine; a cached build takes a moment. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** build.sh's own one-line errors (missing or wrong sources, a bad header line) start with this. */
    private static final String SCRIPT_ERROR_PREFIX = "lwip-board:";

    private final Path script;

    public LwipFirmwareBuild(Path script) {
        this.script = script;
    }

    /**
     * @param out the image folder: the header and the build's output ({@value #BUILD_LOG}) stay there
     * @return the built binary (in the script's cache)
     */
    public Path build(ImageManifest manifest, Path out) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("the lwIP board's build script " + script + " is missing");
        }
        Path header = out.resolve(CONFIG_HEADER);
        Files.writeString(header, manifest.configHeader(), StandardCharsets.UTF_8);
        Path log = out.resolve(BUILD_LOG);
        Path stdout = Files.createTempFile(out, "lwip-build", ".out");
        try {
            int exit = run(List.of("sh", script.toString(), header.toAbsolutePath().toString()), stdout, log);
            List<String> printed = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (exit != 0) {
                throw new IOException("building the lwIP board for image " + manifest.name() + " failed: "
                        + scriptError(log, exit) + " (see " + log + ")");
            }
            Path binary = printed.isEmpty() ? null : Path.of(printed.get(printed.size() - 1).strip());
            if (binary == null || !Files.isExecutable(binary)) {
                throw new IOException("building the lwIP board for image " + manifest.name() + ": " + script
                        + " did not print the path of an executable as its last line (see " + log + ")");
            }
            return binary;
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    private int run(List<String> argv, Path stdout, Path log) throws IOException {
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(log.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("building the lwIP board took more than " + TIMEOUT.toMinutes() + " minutes (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the lwIP board", e);
        }
        return process.exitValue();
    }

    /** The script's own line when it gave one, else the last thing the compiler said. */
    private static String scriptError(Path log, int exit) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.stream().filter(l -> l.startsWith(SCRIPT_ERROR_PREFIX)).findFirst()
                .or(() -> lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(lines.size() - 1)))
                .orElse("exit code " + exit);
    }
}
