package io.hilharness.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a TLS server needs (its key and the chain it sends) plus the certificate a client should trust
 * to accept it.
 *
 * <p>Deliberately not a record: a record's generated toString would print the private key.
 */
public final class ServerCredential {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final X509Certificate trustAnchor;

    /**
     * @param chain       leaf first, then intermediates, never the root: what the server sends
     * @param trustAnchor what clients trust: the lab root, or for a self-signed leaf the leaf itself
     */
    ServerCredential(PrivateKey privateKey, List<X509Certificate> chain, X509Certificate trustAnchor) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        this.trustAnchor = Objects.requireNonNull(trustAnchor, "trustAnchor");
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least the leaf");
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Leaf first, then intermediates; the root is not included (servers need not send it). */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    @Override
    public String toString() {
        return "ServerCredential{leaf=" + leaf().getSubjectX500Principal().getName()
                + ", chainLength=" + chain.size()
                + ", trustAnchor=" + trustAnchor.getSubjectX500Principal().getName()
                + ", spkiSha256=" + Spki.sha256Hex(leaf())
                + ", privateKey=<hidden>}";
    }
}
