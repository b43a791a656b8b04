package io.hilharness.devlog;

/**
 * What a device log line means. {@link #OTHER} covers every line that is kept but not understood,
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
    OTHER
}
