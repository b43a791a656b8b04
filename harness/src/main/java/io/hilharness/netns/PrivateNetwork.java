package io.hilharness.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import sun.misc.Signal;

/**
 * The harness process inside a private network namespace of its own. Java cannot move one thread into
 * another namespace, so the whole process runs in it: {@link #rerunInside} starts this same JVM command
 * again under {@code unshare --net} (as root) or {@code unshare --user --map-root-user --net} (otherwise)
 * with {@link #MARKER} set, and the child does the work. Nothing is left behind: the namespace, its taps
 * and every packet in it die with the child.
 */
public final class PrivateNetwork {
    /** Set in the environment of a process that runs in a namespace the harness (or its IT wrapper) created. */
    public static final String MARKER = "HIL_PRIVATE_NETNS";
    static final String MARKER_VALUE = "created-by-hil";

    private PrivateNetwork() {
    }

    public static boolean isInside() {
        return isInside(System.getenv());
    }

    static boolean isInside(Map<String, String> environment) {
        return MARKER_VALUE.equals(environment.get(MARKER));
    }

    /** For code that cannot re-execute itself (a test JVM): one line saying how to get inside. */
    public static void requireInside(String who) throws NamespaceUnavailableException {
        requireInside(who, System.getenv());
    }

    static void requireInside(String who, Map<String, String> environment) throws NamespaceUnavailableException {
        if (!isInside(environment)) {
            throw new NamespaceUnavailableException(who + " needs a private network namespace: run it through hil, "
                    + "or start the JVM under 'unshare --net' (root) or 'unshare --user --map-root-user --net' with "
                    + MARKER + "=" + MARKER_VALUE);
        }
    }

    /**
     * Makes sure the work happens inside a private namespace. Call it before installing any signal handler.
     *
     * @return empty when this process is inside one (its loopback is then up, for a reference board or a
     *         capture's markers); else the exit code of this command run again inside one, to exit with
     */
    public static OptionalInt enter() throws NamespaceUnavailableException, InterruptedException {
        if (isInside()) {
            TapInterfaces.loopbackUp();
            return OptionalInt.empty();
        }
        return OptionalInt.of(rerunInside());
    }

    /**
     * Runs this process's own command line again inside a new private namespace and waits for it. Call it
     * before installing any signal handler: while waiting, Ctrl-C reaches the child from the terminal and
     * SIGTERM is passed on, so the child stops its campaign the way it always does.
     *
     * @return the child's exit code, to exit with
     */
    public static int rerunInside() throws NamespaceUnavailableException, InterruptedException {
        List<String> command = ownCommand();
        List<String> argv = new ArrayList<>(checkedUnshare(NetworkTools.ofThisMachine(), isRoot()));
        argv.add("--");
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().put(MARKER, MARKER_VALUE);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new NamespaceUnavailableException("no private network namespace: cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        Signal.handle(new Signal("INT"), signal -> {
            // the terminal sends it to the child as well; the child decides what a stop means
        });
        Signal.handle(new Signal("TERM"), signal -> child.destroy());
        return child.waitFor();
    }

    /**
     * The unshare command line for this user, after checking that the machine has what it needs and that
     * it really creates a namespace (a trial run), so a refusal is one clear line and not a dead child.
     */
    static List<String> checkedUnshare(NetworkTools tools, boolean root) throws NamespaceUnavailableException {
        String unshare = tools.find("unshare", "util-linux");
        tools.find("ip", "iproute2");
        tools.requireTunDevice();
        List<String> argv = unshareCommand(unshare, root);
        List<String> trial = new ArrayList<>(argv);
        trial.addAll(List.of("--", tools.find("true", "coreutils")));
        NetworkTools.run("no private network namespace: " + String.join(" ", argv) + " was refused ("
                + (root ? "is this a container without CAP_SYS_ADMIN?" : "no permission: run as root, or allow "
                + "unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)") + ")", trial);
        return argv;
    }

    static List<String> unshareCommand(String unshare, boolean root) {
        return root ? List.of(unshare, "--net") : List.of(unshare, "--user", "--map-root-user", "--net");
    }

    private static List<String> ownCommand() throws NamespaceUnavailableException {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            throw new NamespaceUnavailableException("no private network namespace: the system does not tell this "
                    + "process its own command line, so it cannot start itself inside one");
        }
        List<String> own = new ArrayList<>();
        own.add(command.get());
        own.addAll(List.of(arguments.get()));
        return own;
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
