package io.hilharness.board.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import java.io.IOException;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The container board's supply. Power-on starts the container of the flashed image (creating it after a
 * flash); power-off kills it at once (stop with no grace period: the firmware gets no chance to clean up,
 * as when power is cut). The container is kept between power cycles, so its {@code /board} folder (the
 * boot counter in nvram) survives a power cycle as flash-backed NVRAM does; flashing starts a fresh one.
 */
public final class ContainerPower implements PowerSwitch {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final LocalImages images;
    private final int httpsPort;
    private final DialInConsole console;
    private final Thread shutdownHook = new Thread(this::removeQuietly, "hil-container-power-off");
    private GenericContainer<?> container;
    private String containerImage;

    /**
     * @param httpsPort the host loopback port the firmware listens on
     * @param console   the listener the board's console dials; closed with the board
     */
    ContainerPower(LocalImages images, int httpsPort, DialInConsole console) {
        this.images = images;
        this.httpsPort = httpsPort;
        this.console = console;
    }

    @Override
    public synchronized void powerOn() throws BoardException {
        String image = images.flashed().orElseThrow(() -> new NothingFlashedException("nothing flashed on the container board"));
        if (isOn()) {
            return;
        }
        try {
            if (container != null && image.equals(containerImage)) {
                Engine.client().startContainerCmd(container.getContainerId()).exec();
                return;
            }
            removeContainer();
            container = newContainer(image);
            containerImage = image;
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            container.start();
        } catch (RuntimeException e) {
            throw new BoardException("cannot power on the container board (" + image + "): " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("resource") // closed in close()
    private GenericContainer<?> newContainer(String image) {
        return new GenericContainer<>(DockerImageName.parse(image))
                // The image exists only in the local engine: never ask a registry for it.
                .withImagePullPolicy(name -> false)
                // Host network: the firmware binds host loopback itself (it refuses any other address)
                // and sees each client's real source port, which the correlation depends on.
                .withNetworkMode("host")
                .withEnv("HIL_HTTPS_PORT", Integer.toString(httpsPort))
                .withEnv("HIL_CONSOLE_PORT", Integer.toString(console.port()))
                .withCommand(RootfsTar.INIT)
                .withStartupTimeout(START_TIMEOUT);
    }

    @Override
    public synchronized void powerOff() throws BoardException {
        if (container == null || container.getContainerId() == null) {
            return;
        }
        try {
            Engine.client().stopContainerCmd(container.getContainerId()).withTimeout(0).exec();
        } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyStopped) {
            // the firmware had died by itself: the board is off already
        } catch (RuntimeException e) {
            throw new BoardException("cannot power off the container board: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean isOn() {
        if (container == null || container.getContainerId() == null) {
            return false;
        }
        try {
            InspectContainerResponse.ContainerState state =
                    Engine.client().inspectContainerCmd(container.getContainerId()).exec().getState();
            return Boolean.TRUE.equals(state.getRunning());
        } catch (BoardException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the container and the images this board imported, and stops listening for its console. */
    @Override
    public synchronized void close() throws BoardException {
        try {
            removeContainer();
            images.removeAll();
        } finally {
            try {
                console.shutdown();
            } catch (IOException e) {
                // the listener is going away with the board: nothing left to save
            }
        }
    }

    private void removeContainer() {
        if (container != null) {
            container.stop(); // stops and removes it
            container = null;
            containerImage = null;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    private void removeQuietly() {
        GenericContainer<?> c = container;
        if (c != null) {
            c.stop();
        }
        images.removeAll();
    }
}
