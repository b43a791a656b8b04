package io.hilharness.devlog;

import java.util.List;

/** mbedTLS 2.28 handshake states ({@code mbedtls_ssl_states} in ssl.h), as printed by "server state: N". */
public final class HandshakeStates {

    // Index = state number; order as in the 2.28 enum.
    private static final List<String> NAMES = List.of(
            "HELLO_REQUEST",
            "CLIENT_HELLO",
            "SERVER_HELLO",
            "SERVER_CERTIFICATE",
            "SERVER_KEY_EXCHANGE",
            "CERTIFICATE_REQUEST",
            "SERVER_HELLO_DONE",
            "CLIENT_CERTIFICATE",
            "CLIENT_KEY_EXCHANGE",
            "CERTIFICATE_VERIFY",
            "CLIENT_CHANGE_CIPHER_SPEC",
            "CLIENT_FINISHED",
            "SERVER_CHANGE_CIPHER_SPEC",
            "SERVER_FINISHED",
            "FLUSH_BUFFERS",
            "HANDSHAKE_WRAPUP",
            "HANDSHAKE_OVER",
            "SERVER_NEW_SESSION_TICKET",
            "SERVER_HELLO_VERIFY_REQUEST_SENT");

    public static final int HANDSHAKE_OVER = 16;

    private HandshakeStates() {
    }

    /** State name without the MBEDTLS_SSL_ prefix, e.g. 3 → {@code SERVER_CERTIFICATE}; null if unknown. */
    public static String name(int state) {
        return state >= 0 && state < NAMES.size() ? NAMES.get(state) : null;
    }
}
