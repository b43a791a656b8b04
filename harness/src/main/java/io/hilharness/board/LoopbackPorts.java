package io.hilharness.board;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on the loopback address for a board to listen on, from below the kernel's range of
 * ephemeral ports. A port the kernel hands out ({@code bind(0)}) is one it may hand to any outgoing
 * connection next, the harness's own among them: a board that reboots would then find its port
 * taken ("cannot listen ... Address already in use"), on some reboot out of thousands.
 */
public final class LoopbackPorts {

    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Below this are the well-known and often-configured ports. */
    static final int LOWEST = 10_000;
    private static final int TRIES = 50;

    private LoopbackPorts() {
    }

    /** A port nothing is bound to now, below the ephemeral range where that range leaves room. */
    public static int free() throws IOException {
        int ceiling = ephemeralLow(EPHEMERAL_RANGE);
        if (ceiling - LOWEST >= 1_000) {
            for (int i = 0; i < TRIES; i++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The first ephemeral port (32768 on Linux by default); 0 where the range cannot be read. */
    static int ephemeralLow(Path range) {
        // Read as a stream: procfs gives its files a size of 0, and Files.readString read one byte of it.
        try (java.io.BufferedReader in = Files.newBufferedReader(range)) {
            String line = in.readLine();
            return line == null ? 0 : Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
