package io.hilharness.board.container;

import com.github.dockerjava.api.DockerClient;
import io.hilharness.board.BoardException;
import org.testcontainers.DockerClientFactory;

/** The container engine Testcontainers finds (DOCKER_HOST, e.g. podman's socket). */
final class Engine {
    private Engine() {
    }

    /** The engine's API client; a clear error when no engine answers. */
    static DockerClient client() throws BoardException {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new BoardException("no container engine reachable (set DOCKER_HOST, e.g. to podman's socket): "
                    + e.getMessage(), e);
        }
    }
}
