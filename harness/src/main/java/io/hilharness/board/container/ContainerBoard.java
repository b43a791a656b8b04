package io.hilharness.board.container;

import io.hilharness.board.Board;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.PowerCycleReset;
import io.hilharness.console.Console;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a board that runs the reference firmware in a container (any engine Testcontainers reaches,
 * e.g. podman's socket in DOCKER_HOST): flashing builds a local image, power is the container's life,
 * a soft reset is {@code reboot} on the console, a hard reset restarts the container.
 */
public final class ContainerBoard {
    public static final String REBOOT_COMMAND = "reboot";
    /** Debian's busybox-static; the image has nothing else but the firmware (which is static too). */
    public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");

    private ContainerBoard() {
    }

    public static Board create(String name, Path workDir, Path rawCapture) throws IOException {
        return create(name, workDir, rawCapture, DEFAULT_BUSYBOX);
    }

    /**
     * Sets up the board; it stays unpowered until flashed and reset.
     *
     * @param workDir where the rootfs tarball is packed while flashing
     * @param busybox a statically linked busybox for the image's shell and console bridge
     */
    public static Board create(String name, Path workDir, Path rawCapture, Path busybox) throws IOException {
        Files.createDirectories(workDir);
        LocalImages images = new LocalImages();
        DialInConsole consoleLine = DialInConsole.onLoopback();
        int httpsPort = LoopbackPorts.free();
        ContainerPower power = new ContainerPower(images, httpsPort, consoleLine);
        // Listening before the first power-on: the board dials in as it boots, and the pty keeps
        // what the firmware printed before that, so no boot line is missed.
        Console console = Console.open(consoleLine, rawCapture).start();
        return new Board(name, console, new InetSocketAddress("127.0.0.1", httpsPort),
                new ContainerImageFlasher(new RootfsTar(busybox), workDir, images),
                List.of(new ConsoleCommandReset(console, REBOOT_COMMAND), new PowerCycleReset(power)),
                Optional.of(power), Board.DEFAULT_READY);
    }

}
