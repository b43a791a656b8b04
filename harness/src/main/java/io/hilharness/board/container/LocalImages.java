package io.hilharness.board.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.hilharness.board.BoardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The container board's flash: images imported into the local engine from rootfs tarballs (no
 * registry is involved), and which of them is flashed, i.e. what the next power-on boots.
 */
final class LocalImages {
    static final String REPOSITORY = "localhost/hil-refboard";
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);

    private final Set<String> imported = new LinkedHashSet<>();
    private volatile String flashed;

    /**
     * Imports a rootfs tarball as {@code REPOSITORY:tag} and checks the engine now has it.
     * The engine's API would do, but docker-java 3.7 sends the tarball of an import as "{}"
     * (it serialises the stream as JSON), so this runs the engine's own CLI: {@code podman import}.
     */
    synchronized String importRootfs(Path tarball, String tag) throws BoardException {
        String reference = REPOSITORY + ":" + tag;
        List<String> command = importCommand(tarball, reference, System.getenv("DOCKER_HOST"));
        String output;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(IMPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BoardException(String.join(" ", command) + " did not finish within " + IMPORT_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new BoardException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new BoardException("cannot run " + command.get(0) + " to import the board image (install podman): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while importing " + reference, e);
        }
        imported.add(reference);
        if (!exists(Engine.client(), reference)) {
            throw new BoardException("podman imported " + tarball + " but the engine at DOCKER_HOST has no image "
                    + reference + " (is DOCKER_HOST the same engine?)");
        }
        return reference;
    }

    /** {@code podman import}, talking to the engine in DOCKER_HOST when that is a local socket. */
    static List<String> importCommand(Path tarball, String reference, String dockerHost) {
        List<String> command = new ArrayList<>(List.of("podman"));
        if (dockerHost != null && dockerHost.startsWith("unix://")) {
            command.addAll(List.of("--url", dockerHost));
        }
        command.addAll(List.of("import", "--quiet", tarball.toString(), reference));
        return command;
    }

    void markFlashed(String reference) {
        flashed = reference;
    }

    Optional<String> flashed() {
        return Optional.ofNullable(flashed);
    }

    /** Removes the images this board imported: they hold test keys and are useless after the run. */
    synchronized void removeAll() {
        if (imported.isEmpty()) {
            return;
        }
        DockerClient client;
        try {
            client = Engine.client();
        } catch (BoardException gone) {
            return; // no engine, no images left to remove
        }
        for (String reference : imported) {
            try {
                client.removeImageCmd(reference).withForce(true).exec();
            } catch (RuntimeException gone) {
                // already removed, or the engine went away: nothing left to clean
            }
        }
        imported.clear();
    }

    private static boolean exists(DockerClient client, String reference) {
        try {
            client.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
