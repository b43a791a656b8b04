package io.hilharness.client;

import io.hilharness.certs.Trust;
import java.net.InetSocketAddress;
import java.util.Map;

/** The one way the harness assembles its OkHttp driver for a board, so every command fetches alike. */
public final class HttpsClients {

    private HttpsClients() {
    }

    /**
     * A driver for the board at {@code endpoint}.
     *
     * @param expectedDigests path to hex SHA-256 of the body the board should serve for it (may be empty)
     */
    public static HttpsDriver forBoard(InetSocketAddress endpoint, FetchSettings fetch, Trust trust,
                                       Map<String, String> expectedDigests) {
        return HttpsDriver.builder(endpoint.getHostString(), endpoint.getPort())
                .trust(trust)
                .mode(fetch.mode())
                .maxParallel(fetch.maxParallel())
                .callTimeout(fetch.callTimeout())
                .expectedDigests(expectedDigests)
                .build();
    }
}
