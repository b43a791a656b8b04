package io.hilharness.certs.doctor;

import io.hilharness.certs.Spki;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The trust the chain is judged against: the system store (a browser), a lab CA file, or a pinned certificate. */
public final class TrustSource {

    public enum Kind { SYSTEM, CA_FILE, PINNED }

    private final Kind kind;
    private final List<X509Certificate> anchors;
    private final Path file;
    private final String description;

    private TrustSource(Kind kind, List<X509Certificate> anchors, Path file, String description) {
        this.kind = kind;
        this.anchors = List.copyOf(anchors);
        this.file = file;
        this.description = description;
    }

    /** The JDK's cacerts: what a user's browser or a stock client trusts. */
    public static TrustSource system() {
        return new TrustSource(Kind.SYSTEM, systemAnchors(), null, "system trust store");
    }

    /** Exactly the certificates of a CA file, e.g. the lab's ca.pem. */
    public static TrustSource caFile(Path file, List<X509Certificate> anchors) {
        return new TrustSource(Kind.CA_FILE, anchors, file, "trust file " + file);
    }

    /** A leaf pinned by its key: the chain is trusted when its leaf has the first certificate's key. */
    public static TrustSource pinned(Path file, List<X509Certificate> pinned) {
        return new TrustSource(Kind.PINNED, pinned.subList(0, 1), file, "pinned certificate " + file);
    }

    /**
     * Anchors kept elsewhere than in a file of theirs (a campaign's journal), judged as a CA file or a
     * pin and named as the user named them ("CA file runs/.../ca.pem").
     */
    public static TrustSource recorded(Kind kind, List<X509Certificate> anchors, String description) {
        return new TrustSource(kind, kind == Kind.PINNED ? anchors.subList(0, 1) : anchors, null, description);
    }

    public Kind kind() {
        return kind;
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** The file the trust came from, none for the system store. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        anchors.forEach(a -> set.add(new TrustAnchor(a, null)));
        return set;
    }

    /** True when the pin names this leaf's key. */
    public boolean pins(X509Certificate leaf) {
        return kind == Kind.PINNED && Spki.sha256Hex(anchors.get(0)).equals(Spki.sha256Hex(leaf));
    }

    @Override
    public String toString() {
        return description;
    }

    private static List<X509Certificate> systemAnchors() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((java.security.KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return Arrays.asList(x509.getAcceptedIssuers());
                }
            }
            throw new IllegalStateException("the JDK offered no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trust store", e);
        }
    }
}
