package io.hilharness.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority of the lab PKI (the root or an intermediate) that issues server leaves.
 * Lives in memory only: lab keys are generated per run and never committed.
 */
public final class LabCa {

    static final Duration ROOT_LIFETIME = Duration.ofDays(10 * 365);
    static final Duration INTERMEDIATE_LIFETIME = Duration.ofDays(5 * 365);
    static final Duration LEAF_LIFETIME = Duration.ofDays(2 * 365);

    private final X509Certificate certificate;
    private final PrivateKey signingKey;
    /** This CA's certificate followed by the intermediates up to (not including) the root. */
    private final List<X509Certificate> pathToRoot;
    private final X509Certificate root;

    private LabCa(X509Certificate certificate, PrivateKey signingKey, List<X509Certificate> pathToRoot,
                  X509Certificate root) {
        this.certificate = certificate;
        this.signingKey = signingKey;
        this.pathToRoot = List.copyOf(pathToRoot);
        this.root = root;
    }

    /** A self-signed root that allows one intermediate below it (pathLen 1). */
    public static LabCa newRoot(String name) {
        return newRoot(name, 1, KeyAlgorithm.EC_P256);
    }

    /**
     * A self-signed root; {@code pathLen} is the number of intermediates allowed below it (RFC 5280
     * 4.2.1.9): 0 when it issues leaves directly, 1 for one intermediate.
     */
    public static LabCa newRoot(String name, int pathLen, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.newKeyPair();
        var subject = CertificateIssuer.commonName(name);
        X509Certificate cert = CertificateIssuer.caCertificate(subject, keys.getPublic(), subject, keys.getPublic(),
                keys.getPrivate(), pathLen, Validity.fromNow(ROOT_LIFETIME));
        return new LabCa(cert, keys.getPrivate(), List.of(), cert);
    }

    /** An intermediate CA issued by this one (pathLen 0: it may only issue leaves). */
    public LabCa newIntermediate(String name) {
        return newIntermediate(name, KeyAlgorithm.EC_P256);
    }

    /** An intermediate CA with a key of the given type (pathLen 0: it may only issue leaves). */
    public LabCa newIntermediate(String name, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate cert = CertificateIssuer.caCertificate(CertificateIssuer.commonName(name), keys.getPublic(),
                certificate.getSubjectX500Principal(), certificate.getPublicKey(), signingKey, 0,
                Validity.fromNow(INTERMEDIATE_LIFETIME));
        List<X509Certificate> path = new ArrayList<>();
        path.add(cert);
        path.addAll(pathToRoot);
        return new LabCa(cert, keys.getPrivate(), path, root);
    }

    /** A server leaf valid for two years from an hour ago. */
    public ServerCredential issueServer(ServerIdentity identity) {
        return issueServer(identity, Validity.fromNow(LEAF_LIFETIME));
    }

    /** A server leaf with an explicit window, e.g. an expired one for a rejection test. */
    public ServerCredential issueServer(ServerIdentity identity, Validity validity) {
        return issueServer(identity, validity, KeyAlgorithm.EC_P256);
    }

    /** A server leaf with an explicit window and key type. */
    public ServerCredential issueServer(ServerIdentity identity, Validity validity, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate leaf = CertificateIssuer.serverLeaf(identity, keys.getPublic(),
                certificate.getSubjectX500Principal(), certificate.getPublicKey(), signingKey, validity);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(pathToRoot);
        return new ServerCredential(keys.getPrivate(), chain, root);
    }

    /** A server leaf with a deliberate flaw, for a scenario image; otherwise as {@link #issueServer(ServerIdentity)}. */
    public ServerCredential issueFlawedServer(ServerIdentity identity, LeafFlaw flaw) {
        KeyPair keys = flaw == LeafFlaw.RSA_1024 ? rsa1024() : KeyAlgorithm.EC_P256.newKeyPair();
        X509Certificate leaf = CertificateIssuer.serverLeaf(identity, keys.getPublic(), certificate.getSubjectX500Principal(),
                certificate.getPublicKey(), signingKey, Validity.fromNow(LEAF_LIFETIME), flaw == LeafFlaw.CLIENT_AUTH_ONLY);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(pathToRoot);
        return new ServerCredential(keys.getPrivate(), chain, root);
    }

    private static KeyPair rsa1024() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The trust anchor clients install. */
    public X509Certificate root() {
        return root;
    }

    @Override
    public String toString() {
        return "LabCa{" + certificate.getSubjectX500Principal().getName() + ", signingKey=<hidden>}";
    }
}
