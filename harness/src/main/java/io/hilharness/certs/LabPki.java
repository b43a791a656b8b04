package io.hilharness.certs;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/** Entry points of the lab PKI generator. */
public final class LabPki {

    private LabPki() {
    }

    /**
     * A lab CA made for one image and a server leaf issued directly by it, for the given
     * subjectAltName IPs and DNS names; the image's ca.pem will be that CA.
     */
    public static Issued labCa(String name, List<String> ips, List<String> dnsNames) {
        LabCa ca = newRootCa(name + " lab CA");
        return new Issued(ca.issueServer(new ServerIdentity(name, ips, dnsNames)));
    }

    /** A self-signed, non-CA leaf for the given names; see {@link #selfSignedLeaf}. */
    public static Issued selfSigned(String name, List<String> ips, List<String> dnsNames) {
        return new Issued(selfSignedLeaf(new ServerIdentity(name, ips, dnsNames)));
    }

    /**
     * A whole bench PKI as requested: root (pathLen 0 without an intermediate, 1 with one), the optional
     * intermediate (pathLen 0) and the server leaf; the chain is leaf then intermediate, the trust anchor the root.
     */
    public static ServerCredential issue(LabPkiRequest request) {
        String name = request.identity().commonName();
        LabCa root = LabCa.newRoot(name + " lab root CA", request.intermediate() ? 1 : 0, request.algorithm());
        LabCa issuer = request.intermediate()
                ? root.newIntermediate(name + " lab intermediate CA", request.algorithm()) : root;
        return issuer.issueServer(request.identity(), Validity.fromNow(request.leafLifetime()), request.algorithm());
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

    /** A credential just issued for an image, ready to be written next to its firmware. */
    public static final class Issued {

        private final ServerCredential credential;

        Issued(ServerCredential credential) {
            this.credential = credential;
        }

        public ServerCredential credential() {
            return credential;
        }

        /** chain.pem, key.pem (0600) and ca.pem; see {@link CredentialWriter#write}. */
        public CredentialFiles writeTo(Path directory, boolean overwrite) throws IOException {
            return CredentialWriter.write(credential, directory, overwrite);
        }

        @Override
        public String toString() {
            return "Issued{" + credential + "}";
        }
    }
}
