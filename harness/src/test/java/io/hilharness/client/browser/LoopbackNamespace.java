package io.hilharness.client.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A private network namespace holding nothing but loopback: whatever a process started in it tries,
 * no packet can leave the machine. Needs root ({@code ip netns add}); the test JVM itself stays
 * outside, so processes are started in it through {@link #launcher()}.
 */
final class LoopbackNamespace implements AutoCloseable {
    private final String name;

    private LoopbackNamespace(String name) {
        this.name = name;
    }

    /** A new namespace with loopback up, or the reason there is none (not root, no iproute2). */
    static Result create() throws InterruptedException {
        String name = "hil-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ProcessRunner.run(List.of("ip", "netns", "add", name), ProcessRunner.SHORT);
        } catch (IOException e) {
            return new Result(Optional.empty(), "cannot create a network namespace (root and iproute2 needed): "
                    + e.getMessage());
        }
        LoopbackNamespace namespace = new LoopbackNamespace(name);
        try {
            ProcessRunner.run(List.of("ip", "-n", name, "link", "set", "lo", "up"), ProcessRunner.SHORT);
            String links = ProcessRunner.run(List.of("ip", "-n", name, "-o", "link"), ProcessRunner.SHORT);
            if (links.strip().lines().count() != 1 || !links.contains(" lo:")) {
                namespace.close();
                return new Result(Optional.empty(), "namespace " + name + " has more than loopback: " + links);
            }
        } catch (IOException e) {
            namespace.close();
            return new Result(Optional.empty(), "cannot bring up loopback in " + name + ": " + e.getMessage());
        }
        return new Result(Optional.of(namespace), null);
    }

    record Result(Optional<LoopbackNamespace> namespace, String whyNot) {
    }

    /** Prefix of a command that runs it in this namespace; nsenter execs it, so the pid stays the same. */
    List<String> launcher() {
        return List.of("nsenter", "--net=/run/netns/" + name, "--");
    }

    /**
     * A copy of a firmware image whose binary starts the real one inside this namespace: the board
     * comes up in the private network as if plugged into an isolated switch, and is otherwise untouched.
     */
    Path wrapImage(Path imageDir, Path into, String binaryName) throws IOException {
        io.hilharness.image.FileTrees.copy(imageDir, into);
        Path binary = into.resolve(binaryName);
        Path real = into.resolve(binaryName + ".real");
        Files.move(binary, real);
        Files.writeString(binary, "#!/bin/sh\nexec " + String.join(" ", launcher()) + " \"$(dirname \"$0\")/"
                + real.getFileName() + "\" \"$@\"\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return into;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            ProcessRunner.run(List.of("ip", "netns", "delete", name), ProcessRunner.SHORT);
        } catch (IOException e) {
            System.err.println("could not delete network namespace " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
