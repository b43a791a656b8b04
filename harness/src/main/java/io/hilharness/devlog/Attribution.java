package io.hilharness.devlog;

/**
 * How an lwIP board's line was tied to its connection ({@link DeviceEvent#attribution()}): lwIP and
 * mbedTLS print most lines without the client port, so the port and pointer an event carries may be
 * read from the line itself or inferred from the lines around it.
 */
public enum Attribution {
    /** The line names the client port itself ({@code TCP connection request 50000 -> 443.}). */
    EXACT,
    /**
     * The line names the connection's pcb pointer, tied to the port when httpd accepted the connection
     * right after lwIP logged it established (one tcpip thread: nothing runs in between).
     */
    POINTER,
    /** No identity in the line; it follows an event of exactly this connection on the tcpip thread. */
    CONTEXT,
    /** No identity, and several open connections could have printed it: the likeliest one was taken. */
    AMBIGUOUS
}
