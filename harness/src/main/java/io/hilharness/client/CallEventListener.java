package io.hilharness.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;

/** Timings and connection choice of one call, written into its probe and recorders. */
final class CallEventListener extends EventListener {

    private final CallProbe probe;

    CallEventListener(CallProbe probe) {
        this.probe = probe;
    }

    @Override
    public void secureConnectStart(Call call) {
        ConnectionRecorder opened = probe.opened();
        if (opened != null) {
            opened.handshakeStarted();
        }
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        ConnectionRecorder opened = probe.opened();
        if (opened != null) {
            String version = handshake == null ? null : handshake.tlsVersion().javaName();
            String suite = handshake == null ? null : handshake.cipherSuite().javaName();
            opened.handshakeEnded(version, suite);
        }
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException ioe) {
        ConnectionRecorder opened = probe.opened();
        if (opened != null) {
            opened.connectFailed(OutcomeClassifier.classify(ioe, Phase.BEFORE_RESPONSE));
        }
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        Socket socket = connection.socket();
        ConnectionRecorder recorder = probe.log().byLocalPort(socket.getLocalPort());
        if (recorder == null) {
            recorder = probe.opened();
        }
        if (recorder == null) {
            return;
        }
        probe.acquired(recorder);
        if (socket instanceof SSLSocket ssl) {
            recorder.sessionEstablished(ssl.getSession());
        }
    }

    @Override
    public void requestHeadersStart(Call call) {
        probe.requestStarted();
    }
}
