package io.hilharness.devlog;

/**
 * What a device log line means. Hex dump lines ({@code dumping 'x' (N bytes)} and their rows) stay
 * {@link #OTHER}; the last row of a dump carries the reassembled bytes in {@link DeviceEvent#dump()}. {@link #OTHER} covers every line that is kept but not understood,
 * including lines that match no log format at all (then {@link DeviceEvent#format()} is null).
 */
public enum EventType {
    /** Boot banner; starts a new boot number. */
    BOOT,
    /** The HTTPS server listens. */
    READY,
    CONNECTION_ACCEPTED,
    /** mbedTLS {@code => handshake}. */
    HANDSHAKE_START,
    /** mbedTLS {@code <= handshake}. */
    HANDSHAKE_END,
    /** mbedTLS {@code server state: N}. */
    STATE,
    CERTIFICATE_SENT,
    /** mbedTLS {@code got an alert message, type: [level:description]}. */
    ALERT_RECEIVED,
    /**
     * mbedTLS {@code is a fatal alert message (msg N)}: follows the ALERT_RECEIVED of the same alert,
     * so count alerts by ALERT_RECEIVED, not by this.
     */
    ALERT_FATAL,
    ALERT_SENT,
    CLOSE_NOTIFY_RECEIVED,
    HANDSHAKE_FAILED,
    HANDSHAKE_DONE,
    HTTP_REQUEST,
    FILE_OPENED,
    RESPONSE_SENT,
    HTTP_NOT_FOUND,
    /** mbedtls_ssl_read / mbedtls_ssl_write failed. */
    TLS_IO_ERROR,
    /** mbedtls_ssl_setup failed (typically out of memory). */
    SETUP_FAILED,
    /** mbedTLS {@code alloc(N bytes) failed}. */
    ALLOC_FAILED,
    /** mbedTLS {@code fn() returned N (-0xHHHH)}. */
    DEBUG_RETURN,
    CONNECTION_CLOSED,
    STATUS,
    REBOOT_REQUESTED,
    CONFIG_ERROR,
    /** Any other line of ERROR severity. */
    ERROR,
    OTHER,
    /** mbedTLS {@code client state: N} (the board is the TLS client). */
    CLIENT_STATE,
    /** mbedTLS {@code dumping 'my signature' (N bytes)}: ServerKeyExchange signed; {@code bytes} = signature length. */
    KEY_EXCHANGE,
    /** mbedTLS {@code => free}: the ssl context is released, its session is over. */
    SSL_FREE,
    /** lwIP {@code TCP connection request SRC -> DST.}: {@code port} = client port. */
    TCP_CONNECTION_REQUEST,
    /** lwIP {@code TCP connection established SRC -> DST.} */
    TCP_CONNECTION_ESTABLISHED,
    /** lwIP {@code TCP connection closed: STATE SRC -> DST.} */
    TCP_CONNECTION_CLOSED,
    /** lwIP {@code tcp_listen_input: listen backlog exceeded for port N}. */
    LISTEN_BACKLOG_EXCEEDED,
    /** lwIP {@code memp_malloc: out of memory in pool NAME}. */
    MEMORY_POOL_EXHAUSTED,
    /** lwIP httpd transfer progress ({@code Received N bytes}, {@code http_send: ... left=N}). */
    TRANSFER_PROGRESS,
    /** A death pattern (panic, hard fault, watchdog, assert): the boot crashed. */
    CRASH
}
