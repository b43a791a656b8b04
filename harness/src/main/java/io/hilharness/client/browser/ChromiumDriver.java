package io.hilharness.client.browser;

import io.hilharness.certs.Trust;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.netns.NetworkScope;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads a board's page in real headless Chromium, one fresh browser per round, and reports every
 * socket the browser opened (preconnects, parallel connections and retries included) as a
 * {@link ConnectionRecord}, read from Chromium's NetLog. The records carry the browser's source
 * ports, so the board's log joins them exactly as it joins OkHttp's connections.
 *
 * <p>A round is one page load: the browser fetches the page, then the stylesheet and whatever else
 * the page names, itself. Each round's NetLog and browser log stay in {@code round-N/} of the work
 * folder as evidence; the profile is deleted.
 */
public final class ChromiumDriver implements AutoCloseable {

    private final String host;
    private final int port;
    private final Trust trust;
    private final Duration roundTimeout;
    private final List<String> launcher;
    private final Path binary;
    private final Path workDir;
    private final boolean ownWorkDir;
    private Path home;
    private int rounds;

    private ChromiumDriver(Builder builder) throws IOException {
        this.host = builder.host;
        this.port = builder.port;
        this.trust = builder.trust;
        this.roundTimeout = builder.roundTimeout;
        this.launcher = List.copyOf(builder.launcher);
        this.binary = builder.binary != null ? builder.binary : Chromium.locate().orElseThrow(() -> new IOException(
                "Chromium is not installed (Debian: apt-get install chromium; ci/test installs it)"));
        this.ownWorkDir = builder.workDir == null;
        this.workDir = ownWorkDir ? Files.createTempDirectory("hil-chromium") : builder.workDir;
        Files.createDirectories(workDir);
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Loads the first path (the page) once and returns one record per socket, in the order they
     * opened. Every distinct path of {@code paths} must load; one the browser never asked for (because
     * the page failed, or does not link it) is added as a failed exchange to the page's connection.
     */
    public List<ConnectionRecord> runRound(List<String> paths) throws InterruptedException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a round needs the page to load");
        }
        Set<String> requested = new LinkedHashSet<>(paths);
        String page = paths.get(0);
        if (!page.startsWith("/")) {
            throw new IllegalArgumentException("not a request path: " + page);
        }
        try {
            Path round = workDir.resolve("round-" + ++rounds);
            Files.createDirectories(round);
            Path netLog = round.resolve("netlog.json");
            Instant killedAt = loadPage(round, netLog, "https://" + hostInUrl() + ":" + port + page);
            if (!Files.exists(netLog)) {
                throw new IOException("Chromium wrote no NetLog; see " + round.resolve("chromium.log"));
            }
            NetLogReader.Result log = NetLogReader.read(netLog, NetLogReader.CONNECTION_SOURCES);
            NetLogConnections connections = NetLogConnections.read(log);
            return UnrequestedPaths.blame(connections.records(requested, killedAt), requested, page,
                    connections.failedWithoutSocket(requested));
        } catch (IOException e) {
            throw new UncheckedIOException("Chromium round failed: " + e.getMessage(), e);
        }
    }

    /** Runs the browser to its own exit or the deadline; returns when it was killed, or null. */
    private Instant loadPage(Path round, Path netLog, String url) throws IOException, InterruptedException {
        Path profile = round.resolve("profile");
        List<String> command = new ArrayList<>(launcher);
        command.add(binary.toString());
        command.addAll(Chromium.arguments(host, profile, netLog, url));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(round.resolve("dom.html").toFile())
                .redirectError(round.resolve("chromium.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path browserHome = home();
        Map<String, String> env = builder.environment();
        // Everything the browser writes outside its profile lands in the throw-away home too.
        env.put("HOME", browserHome.toString());
        env.put("XDG_CONFIG_HOME", browserHome.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", browserHome.resolve(".cache").toString());
        Process browser = builder.start();
        Instant killedAt = null;
        try {
            if (!browser.waitFor(roundTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killedAt = Instant.now();
            }
        } finally {
            // Also after a clean exit: helper processes must not keep sockets into the next round.
            ProcessRunner.killTree(browser.toHandle());
            deleteTree(profile);
        }
        return killedAt;
    }

    /** The fake home, with the lab CA's NSS database when one is trusted; built once per driver. */
    private Path home() throws IOException, InterruptedException {
        if (home == null) {
            Path fresh = workDir.resolve("home");
            Files.createDirectories(fresh);
            if (trust.kind() == Trust.Kind.CA) {
                NssDatabase.create(fresh, trust.anchors(), fresh);
            }
            home = fresh;
        }
        return home;
    }

    private String hostInUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Deletes the work folder if the driver made it; NetLogs in a caller's folder stay as evidence. */
    @Override
    public void close() throws IOException {
        if (ownWorkDir) {
            deleteTree(workDir);
        } else if (home != null) {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public String toString() {
        return "ChromiumDriver{https://" + hostInUrl() + ":" + port + ", browser default trust"
                + (trust.kind() == Trust.Kind.CA ? " + lab " + trust : "") + "}";
    }

    /** Settings of a driver; only host and port are required. */
    public static final class Builder {
        private final String host;
        private final int port;
        private Trust trust = Trust.system();
        private Duration roundTimeout = Duration.ofSeconds(60);
        private List<String> launcher = List.of();
        private Path binary;
        private Path workDir;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            try {
                // The browser may reach the board and nothing else.
                NetworkScope.requireReachable(InetAddress.getByName(host), "the browser");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown board host " + host, e);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
        }

        /**
         * The system store is the browser's own roots, so a self-signed board fails as it does in the field; a
         * CA file adds its certificates to a throw-away NSS database only this driver's browser uses. A pin is
         * refused: Chromium has no key pins for a user's own servers, and there is no "ignore certificate
         * errors", which would hide the very failures the harness is for.
         */
        public Builder trust(Trust trust) {
            if (trust.kind() == Trust.Kind.PINNED) {
                throw new IllegalArgumentException("the browser cannot pin a key: give it the system store or a CA file");
            }
            this.trust = trust;
            return this;
        }

        /** How long one page load may take, browser start included; then the browser is killed. */
        public Builder roundTimeout(Duration roundTimeout) {
            if (roundTimeout.isNegative() || roundTimeout.isZero()) {
                throw new IllegalArgumentException("round timeout must be positive");
            }
            this.roundTimeout = roundTimeout;
            return this;
        }

        /**
         * A command the browser is started through, e.g. {@code nsenter --net=/run/netns/NAME --} to
         * run it in the network namespace that holds the board. It must exec the browser, not fork it.
         */
        public Builder launcher(List<String> launcher) {
            this.launcher = List.copyOf(launcher);
            return this;
        }

        /** The browser binary; default: {@link Chromium#locate()}. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /** Where each round's NetLog and browser log are kept; default: a temporary folder deleted on close. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        public ChromiumDriver build() throws IOException {
            return new ChromiumDriver(this);
        }
    }
}
