package io.hilharness.bench;

import io.hilharness.certs.Trust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;

/**
 * The baseline of the fetch benchmark: plain OkHttp fetching the same paths with the same trust and the
 * same connection policy as the harness (HTTP/1.1, one attempt per call, a fresh connection per request),
 * without any recording: no socket wrapping, chain capture, correlation or journal.
 */
final class BareFetchLoop {
    private final HttpUrl base;
    private final OkHttpClient client;

    BareFetchLoop(InetSocketAddress endpoint, Trust trust, Duration callTimeout) {
        this.base = new HttpUrl.Builder().scheme("https").host(endpoint.getHostString()).port(endpoint.getPort()).build();
        X509ExtendedTrustManager trustManager = trust.newTrustManager();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustManager}, null);
            this.client = new OkHttpClient.Builder()
                    .retryOnConnectionFailure(false)
                    .fastFallback(false)
                    .protocols(List.of(Protocol.HTTP_1_1))
                    .followRedirects(false)
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                    .sslSocketFactory(tls.getSocketFactory(), trustManager)
                    .callTimeout(callTimeout)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Fetches the paths one after the other; true when every one answered 200 with its whole body. */
    boolean round(List<String> paths) {
        boolean ok = true;
        for (String path : paths) {
            Request request = new Request.Builder().url(base.resolve(path))
                    .header("Accept-Encoding", "identity")
                    .header("User-Agent", "hil-bench-bare")
                    .header("Connection", "close")
                    .build();
            try (Response response = client.newCall(request).execute()) {
                long announced = response.body().contentLength();
                long read = response.body().source().readAll(Okio.blackhole());
                ok &= response.code() == 200 && (announced < 0 || announced == read);
            } catch (IOException e) {
                ok = false;
            }
        }
        return ok;
    }
}
