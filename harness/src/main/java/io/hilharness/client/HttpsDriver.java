package io.hilharness.client;

import io.hilharness.certs.Trust;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * Fetches rounds of paths from one HTTPS endpoint the way a browser would, and records every TCP
 * connection it opens, whether it succeeded or not.
 *
 * <p>One call is one connection attempt: OkHttp's retries and fast fallback are off, so what the board
 * logs and what the driver records correspond one to one.
 */
public final class HttpsDriver {

    public static final int DEFAULT_MAX_PARALLEL = 6;

    private final HttpUrl base;
    private final FetchMode mode;
    private final int maxParallel;
    private final Map<String, String> expectedSha256;
    private final X509ExtendedTrustManager trust;
    private final OkHttpClient baseClient;

    private HttpsDriver(Builder builder) {
        this.base = new HttpUrl.Builder().scheme("https").host(builder.host).port(builder.port).build();
        this.mode = builder.mode;
        this.maxParallel = builder.maxParallel;
        this.expectedSha256 = Map.copyOf(builder.expectedSha256);
        this.trust = builder.trust.newTrustManager();
        this.baseClient = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .fastFallback(false)
                // HTTP/2 would multiplex requests onto one connection and break "one request, one
                // connection"; mbedTLS boards speak HTTP/1.1 anyway.
                .protocols(List.of(Protocol.HTTP_1_1))
                // A redirect would be a request the round did not ask for.
                .followRedirects(false)
                .followSslRedirects(false)
                // OkHttp's default, named: the certificate doctor judges names with this same verifier.
                .hostnameVerifier(OkHostnameVerifier.INSTANCE)
                .connectTimeout(builder.timeouts.connect())
                .readTimeout(builder.timeouts.read())
                .writeTimeout(builder.timeouts.read())
                .callTimeout(builder.timeouts.call())
                .build();
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Fetches the paths of one round (repeat a path to fetch it twice) and returns one record per
     * connection, in the order the connections started. Rounds never share a connection or a TLS session.
     */
    public List<ConnectionRecord> runRound(List<String> paths) throws InterruptedException {
        for (String path : paths) {
            if (!path.startsWith("/") || base.resolve(path) == null) {
                throw new IllegalArgumentException("not a request path: " + path);
            }
        }
        RoundLog log = new RoundLog();
        ConnectionPool pool = mode == FetchMode.KEEPALIVE
                ? new ConnectionPool(1, 5, TimeUnit.MINUTES)
                // No idle connections: each call must open its own.
                : new ConnectionPool(0, 1, TimeUnit.SECONDS);
        CallRunner runner = new CallRunner(roundClient(log, pool), log, base, mode != FetchMode.KEEPALIVE,
                expectedSha256);
        try {
            if (mode == FetchMode.PARALLEL) {
                runInParallel(runner, paths);
            } else {
                for (String path : paths) {
                    // OkHttp turns an interrupt into an InterruptedIOException, which would read as a timeout.
                    if (Thread.interrupted()) {
                        throw new InterruptedException("round interrupted");
                    }
                    runner.run(path);
                }
            }
        } finally {
            // Closes the kept-alive connection, so every record has its end time.
            pool.evictAll();
        }
        return log.records();
    }

    /** A fresh pool and TLS context per round: no connection or session survives into the next round. */
    private OkHttpClient roundClient(RoundLog log, ConnectionPool pool) {
        RecordingTrustManager recording = new RecordingTrustManager(trust, log);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {recording}, null);
            return baseClient.newBuilder()
                    .connectionPool(pool)
                    .sslSocketFactory(tls.getSocketFactory(), recording)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    private void runInParallel(CallRunner runner, List<String> paths) throws InterruptedException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(maxParallel, paths.size())), r -> {
            Thread thread = new Thread(r, "hil-fetch-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (String path : paths) {
                calls.add(() -> {
                    runner.run(path);
                    return null;
                });
            }
            for (Future<Void> done : workers.invokeAll(calls)) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a fetch failed outside of recording", e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    public FetchMode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return "HttpsDriver{" + base + ", " + mode + (mode == FetchMode.PARALLEL ? " x" + maxParallel : "") + "}";
    }

    /** Settings of a driver; only host and port are required. */
    public static final class Builder {

        private final String host;
        private final int port;
        /** What a browser would see; a lab board needs {@link Trust#caFile} or a pin. */
        private Trust trust = Trust.system();
        private FetchMode mode = FetchMode.SEQUENTIAL;
        private int maxParallel = DEFAULT_MAX_PARALLEL;
        private Timeouts timeouts = Timeouts.defaults();
        private final Map<String, String> expectedSha256 = new HashMap<>();

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
        }

        public Builder trust(Trust trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        public Builder mode(FetchMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder maxParallel(int maxParallel) {
            if (maxParallel < 1) {
                throw new IllegalArgumentException("maxParallel must be at least 1");
            }
            this.maxParallel = maxParallel;
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /** Only the whole-call deadline; connect and read keep theirs (shortened to fit inside it). */
        public Builder callTimeout(Duration call) {
            Duration connect = timeouts.connect().compareTo(call) > 0 ? call : timeouts.connect();
            Duration read = timeouts.read().compareTo(call) > 0 ? call : timeouts.read();
            this.timeouts = new Timeouts(connect, read, call);
            return this;
        }

        /** Path to lower- or upper-case hex SHA-256 of the body the board should serve for it. */
        public Builder expectedDigests(Map<String, String> pathToSha256Hex) {
            pathToSha256Hex.forEach((path, hex) -> {
                if (!hex.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("not a SHA-256 hex digest for " + path + ": " + hex);
                }
                expectedSha256.put(path, hex.toLowerCase(Locale.ROOT));
            });
            return this;
        }

        public HttpsDriver build() {
            return new HttpsDriver(this);
        }
    }
}
