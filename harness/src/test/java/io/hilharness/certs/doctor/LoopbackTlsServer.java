package io.hilharness.certs.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS 1.2 server on 127.0.0.1 that sends exactly the chain it is given, in the given order (also a wrong
 * one), and answers every request with a tiny 200.
 */
final class LoopbackTlsServer implements AutoCloseable {

    private final SSLServerSocket listener;
    private final Thread acceptor;

    LoopbackTlsServer(PrivateKey key, X509Certificate... chain) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.2");
        tls.init(new KeyManager[] {new FixedChain(key, chain)}, null, null);
        listener = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        listener.setEnabledProtocols(new String[] {"TLSv1.2"});
        acceptor = new Thread(this::serve, "loopback-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                StringBuilder request = new StringBuilder();
                int b;
                // Check for the blank line before reading on: the client sends nothing after it.
                while (!request.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                    request.append((char) b);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // A rejected handshake or a closed listener: next connection, or the loop ends.
            }
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5000);
    }

    /** Always this key and this chain, whatever the client asks for. */
    private static final class FixedChain extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate[] chain;

        FixedChain(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain.clone();
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keyType.equals(chain[0].getPublicKey().getAlgorithm()) ? "server" : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {"server"};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
