package io.hilharness.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Records the server's chain as received, then lets the delegate decide. It never decides anything
 * itself: whatever the delegate throws propagates unchanged, so recording cannot widen trust.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final ServerChainListener listener;

    RecordingTrustManager(X509ExtendedTrustManager delegate, ServerChainListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        record(chain, socket);
        delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // No socket, so nothing to attach the chain to; JSSE uses the socket variant for SSLSockets.
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void record(X509Certificate[] chain, Socket socket) {
        if (socket == null || chain == null) {
            return;
        }
        String tlsVersion = null;
        String cipherSuite = null;
        if (socket instanceof SSLSocket ssl) {
            SSLSession handshake = ssl.getHandshakeSession();
            if (handshake != null) {
                tlsVersion = handshake.getProtocol();
                cipherSuite = handshake.getCipherSuite();
            }
        }
        try {
            // A layered SSLSocket reports the underlying TCP socket's port.
            listener.serverChainReceived(socket.getLocalPort(), chain.clone(), tlsVersion, cipherSuite);
        } catch (RuntimeException e) {
            // Recording is best effort; it must never change the trust decision.
        }
    }
}
