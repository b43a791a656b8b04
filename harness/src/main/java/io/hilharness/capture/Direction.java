package io.hilharness.capture;

/** Which way a segment went, seen from the harness's client. */
public enum Direction {
    CLIENT_TO_SERVER, SERVER_TO_CLIENT
}
