package io.hilharness.certs;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/** Entry points of the lab PKI generator. */
public final class LabPki {

    private LabPki() {
    }

    /** A fresh lab root CA. */
    public static LabCa newRootCa(String name) {
        return LabCa.newRoot(name);
    }

    /**
     * A self-signed server leaf that is not a CA: the classic bench mistake that browsers and every
     * PKIX client reject. Its trust anchor is the leaf itself, so a pinned-certificate trust can be built.
     */
    public static ServerCredential selfSignedLeaf(ServerIdentity identity) {
        KeyPair keys = EcKeys.newP256();
        var subject = CertificateIssuer.commonName(identity.commonName());
        X509Certificate leaf = CertificateIssuer.serverLeaf(identity, keys.getPublic(), subject, keys.getPublic(),
                keys.getPrivate(), Validity.fromNow(LabCa.LEAF_LIFETIME));
        return new ServerCredential(keys.getPrivate(), List.of(leaf), leaf);
    }
}
