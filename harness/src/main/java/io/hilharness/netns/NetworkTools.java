package io.hilharness.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What creating a namespace with a tap needs from the machine: {@code unshare} (util-linux), {@code ip}
 * (iproute2) and the TUN device. Each check names the missing piece in one line.
 */
record NetworkTools(List<Path> searchPath, Path tunDevice) {
    private static final long TOOL_TIMEOUT_SECONDS = 30;

    static NetworkTools ofThisMachine() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/sbin:/usr/bin:/sbin:/bin");
        List<Path> dirs = new java.util.ArrayList<>();
        for (String dir : path.split(":")) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        // ip lives in /usr/sbin or /sbin, which a non-root PATH often lacks.
        dirs.addAll(List.of(Path.of("/usr/sbin"), Path.of("/sbin")));
        return new NetworkTools(List.copyOf(dirs), Path.of("/dev/net/tun"));
    }

    /** The absolute path of {@code name} on the search path, or the one line saying which package brings it. */
    String find(String name, String debianPackage) throws NamespaceUnavailableException {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new NamespaceUnavailableException("no private network namespace: '" + name
                + "' is not installed (Debian package " + debianPackage + ")");
    }

    void requireTunDevice() throws NamespaceUnavailableException {
        if (!Files.exists(tunDevice)) {
            throw new NamespaceUnavailableException("no private network namespace: the TUN device " + tunDevice
                    + " is missing (load the tun module: modprobe tun; in a container: --device /dev/net/tun)");
        }
    }

    /**
     * Runs a tool to completion; a failure is one line with what the tool said.
     *
     * @param what what the command is for, as the error line says it
     */
    static void run(String what, List<String> argv) throws NamespaceUnavailableException {
        Path output = null;
        try {
            output = Files.createTempFile("hil-netns-", ".out");
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NamespaceUnavailableException(what + ": " + String.join(" ", argv) + " did not finish within "
                        + TOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String said = Files.readString(output, StandardCharsets.UTF_8).strip();
                String last = said.isEmpty() ? "exit code " + process.exitValue() : said.lines().reduce((a, b) -> b).orElse(said);
                throw new NamespaceUnavailableException(what + ": " + last);
            }
        } catch (IOException e) {
            throw new NamespaceUnavailableException(what + ": cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NamespaceUnavailableException(what + ": interrupted");
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file of a few bytes
            }
        }
    }
}
