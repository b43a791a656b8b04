package io.hilharness.certs;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom a board's clients trust: the system store (what a browser's machine accepts), the certificates of a CA
 * file, or a pinned key. The OkHttp driver takes its trust manager, the browser its CA certificates, the
 * certificate doctor its anchors; the journal keeps it as {@code {"description", "kind", "anchors"}} so a
 * diagnosis made later from the journal alone judges a chain against the same trust (an image's lab CA is
 * made anew when the image is rebuilt, so the anchors themselves are kept, not a path).
 *
 * <p>There is deliberately no trust-all option: a harness that accepts anything cannot tell a board with a
 * broken chain from a good one.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"description", "kind", "anchors"})
public final class Trust {

    /** As the journal names them. */
    public enum Kind {
        SYSTEM, CA, PINNED;

        String journalName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String description;
    /** CA: the file's certificates; PINNED: the pinned certificate, none for a bare SPKI pin; SYSTEM: none. */
    private final List<X509Certificate> anchors;
    /** PINNED: lower-case hex SHA-256 of the pinned key; null when read back from a journal without one. */
    private final String spkiPin;

    private Trust(Kind kind, String description, List<X509Certificate> anchors, String spkiPin) {
        this.kind = kind;
        this.description = description;
        this.anchors = List.copyOf(anchors);
        this.spkiPin = spkiPin;
    }

    /** The JDK's default trust store: what a browser user's machine would accept. */
    public static Trust system() {
        return new Trust(Kind.SYSTEM, "system trust store", List.of(), null);
    }

    /** Exactly the certificates of a PEM file of trust anchors, e.g. the lab's ca.pem. */
    public static Trust caFile(Path caPem) throws IOException {
        return caFile(caPem, PemCertificates.read(caPem));
    }

    /** Exactly these certificates, read from {@code file} (PEM or DER, as the caller reads it). */
    public static Trust caFile(Path file, List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor in " + file);
        }
        return new Trust(Kind.CA, "CA file " + file, anchors, null);
    }

    /** A server whose leaf has the same key as the first certificate of the PEM file. */
    public static Trust pinnedCertificate(Path certificatePem) throws IOException {
        return pinned(certificatePem, PemCertificates.read(certificatePem));
    }

    /** A server whose leaf has the same key as the first of these certificates, read from {@code file}. */
    public static Trust pinned(Path file, List<X509Certificate> certificates) {
        X509Certificate pinned = certificates.get(0);
        return new Trust(Kind.PINNED, "pinned certificate " + file, List.of(pinned), Spki.sha256Hex(pinned));
    }

    /** A server whose leaf key has this SPKI SHA-256 (hex). */
    public static Trust pinnedSpki(String spkiSha256Hex) {
        String pin = Objects.requireNonNull(spkiSha256Hex, "spkiSha256Hex").toLowerCase(Locale.ROOT);
        if (!pin.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an SPKI pin is 64 hex digits of SHA-256");
        }
        return new Trust(Kind.PINNED, "pinned SPKI sha256/" + pin, List.of(), pin);
    }

    /**
     * As a journal kept it. Its anchors are evidence read back, not input to reject a journal for: when they do
     * not parse, the trust is taken as unknown, and so as the system store, which a later diagnosis assumes
     * for journals that recorded no trust at all. Anchors that do parse are judged as their kind says.
     */
    @JsonCreator
    public static Trust recorded(@JsonProperty("description") String description, @JsonProperty("kind") String kind,
                                 @JsonProperty("anchors") List<String> anchors) {
        if (Kind.SYSTEM.journalName().equals(kind)) {
            return system();
        }
        boolean pinned = Kind.PINNED.journalName().equals(kind);
        List<X509Certificate> certificates;
        try {
            certificates = PemCertificates.decode(anchors == null ? List.of() : anchors);
        } catch (CertificateException e) {
            return system();
        }
        if (pinned) {
            return certificates.isEmpty() ? new Trust(Kind.PINNED, description, List.of(), null)
                    : new Trust(Kind.PINNED, description, certificates.subList(0, 1), Spki.sha256Hex(certificates.get(0)));
        }
        if (certificates.isEmpty()) {
            return system();
        }
        return new Trust(Kind.CA, description, certificates, null);
    }

    /** The same trust under another name, e.g. as a command's own option calls it. */
    public Trust describedAs(String otherDescription) {
        return new Trust(kind, otherDescription, anchors, spkiPin);
    }

    public Kind kind() {
        return kind;
    }

    /** The certificates given as trusted: a CA file's, or the pinned one; none for the system store. */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** The roots a chain may end in: the JDK's store for the system trust, else the given anchors. */
    public List<X509Certificate> roots() {
        return kind == Kind.SYSTEM ? SystemRoots.ALL : anchors;
    }

    /** {@link #roots()} as PKIX wants them. */
    public Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        roots().forEach(a -> set.add(new TrustAnchor(a, null)));
        return set;
    }

    /** True when this is a pin naming this leaf's key. */
    public boolean pins(X509Certificate leaf) {
        return kind == Kind.PINNED && spkiPin != null && spkiPin.equals(Spki.sha256Hex(leaf));
    }

    /** A new trust manager that decides whether a server chain is acceptable. */
    public X509ExtendedTrustManager newTrustManager() {
        try {
            return switch (kind) {
                case SYSTEM -> pkix(null);
                case CA -> pkix(KeyStores.trustStore(anchors));
                case PINNED -> new PinnedSpkiTrustManager(Objects.requireNonNull(spkiPin,
                        "a pin read back from a journal without its certificate judges no connection"), anchors);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager for " + description, e);
        }
    }

    @JsonProperty("description")
    private String recordedDescription() {
        return description;
    }

    @JsonProperty("kind")
    private String recordedKind() {
        return kind.journalName();
    }

    @JsonProperty("anchors")
    private List<String> recordedAnchors() {
        return anchors.stream().map(PemCertificates::encode).toList();
    }

    /** Equal when a journal keeps them alike. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Trust other && kind == other.kind && Objects.equals(description, other.description)
                && anchors.equals(other.anchors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, description, anchors);
    }

    @Override
    public String toString() {
        return description;
    }

    private static X509ExtendedTrustManager pkix(KeyStore trustStore) throws GeneralSecurityException {
        for (TrustManager manager : factory(trustStore).getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offered no X509ExtendedTrustManager");
    }

    private static TrustManagerFactory factory(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore); // null = the JDK's cacerts
        return factory;
    }

    /** Read once, when the doctor first judges a chain against the system store. */
    private static final class SystemRoots {
        static final List<X509Certificate> ALL = read();

        private static List<X509Certificate> read() {
            try {
                return Arrays.asList(pkix(null).getAcceptedIssuers());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JDK's trust store", e);
            }
        }
    }
}
