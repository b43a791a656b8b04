package io.hilharness.certs;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server only if its leaf carries the pinned key and is within its validity window. This is how a
 * self-signed bench certificate can be trusted on purpose, without trusting anything else.
 */
final class PinnedSpkiTrustManager extends X509ExtendedTrustManager {

    private final String pinnedSpkiSha256;
    private final X509Certificate[] acceptedIssuers;

    PinnedSpkiTrustManager(String pinnedSpkiSha256, List<X509Certificate> pinnedCertificates) {
        this.pinnedSpkiSha256 = pinnedSpkiSha256;
        this.acceptedIssuers = pinnedCertificates.toArray(X509Certificate[]::new);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        String actual = Spki.sha256Hex(chain[0]);
        if (!actual.equals(pinnedSpkiSha256)) {
            throw new CertificateException("leaf SPKI sha256/" + actual + " does not match the pin sha256/"
                    + pinnedSpkiSha256);
        }
        // A pin says "this key", not "forever": an expired leaf is still a finding.
        chain[0].checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only judges servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.clone();
    }
}
