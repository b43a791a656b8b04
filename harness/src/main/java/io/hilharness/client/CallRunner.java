package io.hilharness.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Runs one GET and records it as an exchange on the connection it used (or tried to open). */
final class CallRunner {

    private final OkHttpClient roundClient;
    private final RoundLog log;
    private final HttpUrl base;
    private final boolean closeConnection;
    private final Map<String, String> expectedSha256;

    CallRunner(OkHttpClient roundClient, RoundLog log, HttpUrl base, boolean closeConnection,
               Map<String, String> expectedSha256) {
        this.roundClient = roundClient;
        this.log = log;
        this.base = base;
        this.closeConnection = closeConnection;
        this.expectedSha256 = expectedSha256;
    }

    void run(String path) {
        CallProbe probe = new CallProbe(log, base.host() + ":" + base.port());
        // A derived client per call shares the round's pool and TLS context, but its socket factory and
        // listener belong to this call alone, so every socket is attributed to the right request.
        OkHttpClient client = roundClient.newBuilder()
                .socketFactory(new RecordingSocketFactory(probe))
                .eventListener(new CallEventListener(probe))
                .build();
        long callStart = System.nanoTime();
        Response response;
        try {
            response = client.newCall(request(path)).execute();
        } catch (IOException | RuntimeException e) {
            Classification failure = OutcomeClassifier.classify(e, Phase.BEFORE_RESPONSE);
            probe.exchangeTarget().addExchange(new Exchange(path, null, null, 0, null,
                    millisSince(probe.requestStartNanos(callStart)), failure.outcome(), failure.detail()));
            return;
        }
        ConnectionRecorder connection = probe.exchangeTarget();
        try (response) {
            connection.addExchange(readBody(path, response, probe.requestStartNanos(callStart)));
        }
    }

    private Exchange readBody(String path, Response response, long requestStart) {
        ResponseBody body = response.body();
        long announced = body.contentLength();
        Long contentLength = announced >= 0 ? announced : null;
        DigestingCounter counter = new DigestingCounter();
        try (InputStream in = body.byteStream()) {
            counter.readFully(in);
        } catch (IOException | RuntimeException e) {
            Classification failure = OutcomeClassifier.classify(e, Phase.BODY);
            return new Exchange(path, response.code(), contentLength, counter.bytes(), null,
                    millisSince(requestStart), failure.outcome(), failure.detail());
        }
        Boolean digestOk = null;
        String expected = expectedSha256.get(path);
        if (expected != null && response.code() < 400) {
            digestOk = expected.equalsIgnoreCase(counter.sha256Hex());
        }
        Classification result = OutcomeClassifier.forResponse(response.code(), digestOk);
        return new Exchange(path, response.code(), contentLength, counter.bytes(), digestOk,
                millisSince(requestStart), result.outcome(), result.detail());
    }

    private Request request(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("not a request path: " + path);
        }
        Request.Builder request = new Request.Builder().url(url)
                // Without this OkHttp asks for gzip and unpacks it, and the counted bytes and digest would
                // no longer be what the board sent.
                .header("Accept-Encoding", "identity")
                .header("User-Agent", "hil-harness");
        if (closeConnection) {
            request.header("Connection", "close");
        }
        return request.build();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
