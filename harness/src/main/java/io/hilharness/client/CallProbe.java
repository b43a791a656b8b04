package io.hilharness.client;

/**
 * What one call did: which socket it opened, which connection it ended up using. Because every call
 * gets its own socket factory and event listener, nothing here has to be guessed from timing.
 */
final class CallProbe {

    private final RoundLog log;
    private final String remote;
    private volatile ConnectionRecorder opened;
    private volatile ConnectionRecorder acquired;
    private volatile long requestStartNanos = -1;

    CallProbe(RoundLog log, String remote) {
        this.log = log;
        this.remote = remote;
    }

    RoundLog log() {
        return log;
    }

    /** A socket of this call starts connecting. */
    ConnectionRecorder socketOpening(String socketRemote) {
        ConnectionRecorder recorder = log.newConnection(socketRemote);
        opened = recorder;
        return recorder;
    }

    /** The most recent socket this call opened, or null. */
    ConnectionRecorder opened() {
        return opened;
    }

    void acquired(ConnectionRecorder recorder) {
        acquired = recorder;
    }

    void requestStarted() {
        requestStartNanos = System.nanoTime();
    }

    long requestStartNanos(long fallback) {
        long started = requestStartNanos;
        return started >= 0 ? started : fallback;
    }

    /**
     * Where this call's exchange belongs: the connection it used, else the socket it opened (a failed
     * connect or handshake), else a record without a socket so that no call goes unrecorded.
     */
    ConnectionRecorder exchangeTarget() {
        if (acquired != null) {
            return acquired;
        }
        if (opened != null) {
            return opened;
        }
        ConnectionRecorder detached = log.newConnection(remote);
        opened = detached;
        return detached;
    }
}
