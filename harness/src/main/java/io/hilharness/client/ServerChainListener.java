package io.hilharness.client;

import java.security.cert.X509Certificate;

/** Told about every server chain before the trust decision is made. */
interface ServerChainListener {

    /**
     * @param localPort   the client's TCP source port of the connection the chain arrived on
     * @param chain       the chain exactly as the server sent it
     * @param tlsVersion  protocol negotiated so far, null if unknown
     * @param cipherSuite suite negotiated so far, null if unknown
     */
    void serverChainReceived(int localPort, X509Certificate[] chain, String tlsVersion, String cipherSuite);
}
