package io.hilharness.client;

/** Where in an exchange a failure happened; the same EOF means different things in each. */
public enum Phase {
    /** Connect, handshake, sending the request, or waiting for the status line and headers. */
    BEFORE_RESPONSE,
    /** Reading the body after the headers arrived. */
    BODY
}
