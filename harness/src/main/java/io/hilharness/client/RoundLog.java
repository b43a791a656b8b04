package io.hilharness.client;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All connections of one round, and the index that joins them: the client's local port. Ports of
 * open sockets are unique on a host, so the port of a socket the trust manager or OkHttp hands back
 * identifies its recorder without any guessing.
 */
final class RoundLog implements ServerChainListener {

    private final AtomicInteger sequence = new AtomicInteger();
    private final List<ConnectionRecorder> connections = new ArrayList<>();
    private final Map<Integer, ConnectionRecorder> openByLocalPort = new ConcurrentHashMap<>();

    ConnectionRecorder newConnection(String remote) {
        ConnectionRecorder recorder = new ConnectionRecorder("c" + sequence.incrementAndGet(), remote);
        synchronized (connections) {
            connections.add(recorder);
        }
        return recorder;
    }

    void socketBound(ConnectionRecorder recorder, int localPort) {
        recorder.bound(localPort);
        openByLocalPort.put(localPort, recorder);
    }

    void socketClosed(ConnectionRecorder recorder) {
        recorder.closed();
        openByLocalPort.remove(recorder.localPort(), recorder);
    }

    /** The open connection with this local port, or null. */
    ConnectionRecorder byLocalPort(int localPort) {
        return openByLocalPort.get(localPort);
    }

    @Override
    public void serverChainReceived(int localPort, X509Certificate[] chain, String tlsVersion, String cipherSuite) {
        ConnectionRecorder recorder = openByLocalPort.get(localPort);
        if (recorder != null) {
            recorder.serverChainReceived(chain, tlsVersion, cipherSuite);
        }
    }

    /** Immutable records in the order the connections started. */
    List<ConnectionRecord> records() {
        List<ConnectionRecorder> snapshot;
        synchronized (connections) {
            snapshot = new ArrayList<>(connections);
        }
        return snapshot.stream()
                .map(ConnectionRecorder::toRecord)
                .sorted(Comparator.comparing(ConnectionRecord::start))
                .toList();
    }
}
