package io.hilharness.client.browser;

import io.hilharness.client.Classification;
import io.hilharness.client.Outcome;

/**
 * Maps Chromium's net error names (net/base/net_error_list.h, as the NetLog's constants spell them) to
 * the harness's outcomes, so a browser's failures are counted in the same classes as OkHttp's.
 */
final class NetErrors {
    private NetErrors() {
    }

    static Classification classify(String name) {
        return new Classification(outcome(name), name);
    }

    /** The error's name, with what it means where the name alone would mislead a reader. */
    static String explain(String name) {
        return name.equals("ERR_NETWORK_CHANGED")
                ? name + " (the host's network addresses changed during the load, and the browser dropped its connections)"
                : name;
    }

    static Outcome outcome(String name) {
        if (name.equals("ERR_CERT_COMMON_NAME_INVALID")) {
            // The chain may be fine; it names another host (OkHttp: HOSTNAME_MISMATCH).
            return Outcome.HOSTNAME_MISMATCH;
        }
        if (name.startsWith("ERR_CERT_") || name.equals("ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN")) {
            return Outcome.CERT_REJECTED;
        }
        return switch (name) {
            case "ERR_CONNECTION_REFUSED" -> Outcome.REFUSED;
            case "ERR_CONNECTION_RESET", "ERR_CONNECTION_CLOSED", "ERR_CONNECTION_ABORTED", "ERR_EMPTY_RESPONSE",
                 "ERR_SOCKET_NOT_CONNECTED" -> Outcome.RESET;
            case "ERR_TIMED_OUT", "ERR_CONNECTION_TIMED_OUT" -> Outcome.TIMEOUT;
            case "ERR_CONTENT_LENGTH_MISMATCH", "ERR_INCOMPLETE_CHUNKED_ENCODING" -> Outcome.TRUNCATED;
            default -> Outcome.ERROR;
        };
    }
}
