package io.hilharness.capture;

/** Which end of a connection did something (sent the first FIN, a RST, an alert). */
public enum Side {
    CLIENT, SERVER;

    static Side sender(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? CLIENT : SERVER;
    }
}
