package io.hilharness.client.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the browser is and how it must be started: headless, on a fresh profile, and kept off the
 * network. Chromium phones home (time, component updates, connectivity checks) even with
 * --disable-background-networking; only the resolver rule stops it, by making every name except the
 * board's fail to resolve.
 */
public final class Chromium {
    /** Debian's package names the binary chromium; other distributions chromium-browser. */
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private Chromium() {
    }

    /** The browser on the PATH, if installed (Debian: apt-get install chromium). */
    public static Optional<Path> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The arguments after the binary: load {@code url} once, print its DOM when the load event fired
     * (the stylesheet is loaded by then), and exit; the NetLog goes to {@code netLog}.
     *
     * @param host the only name the browser may resolve: the board's
     */
    static List<String> arguments(String host, Path profile, Path netLog, String url) {
        return List.of(
                "--headless",
                "--no-sandbox", // runs as root in CI; the sandbox refuses root
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pings",
                "--disable-domain-reliability",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + host,
                "--user-data-dir=" + profile,
                "--log-net-log=" + netLog,
                "--dump-dom",
                url);
    }
}
