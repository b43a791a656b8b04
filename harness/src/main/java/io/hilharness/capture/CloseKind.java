package io.hilharness.capture;

/** How a TCP connection ended on the wire: an orderly FIN or an abortive RST. */
public enum CloseKind {
    FIN, RST
}
