package io.hilharness.client;

import io.hilharness.certs.KeyStores;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.Spki;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom the driver trusts. There is deliberately no trust-all option: a harness that accepts anything
 * cannot tell a board with a broken chain from a good one.
 */
public final class TrustConfig {

    private enum Kind { SYSTEM, CA_FILE, PINNED }

    private final Kind kind;
    private final List<X509Certificate> anchors;
    private final String pinnedSpkiSha256;
    private final String description;

    private TrustConfig(Kind kind, List<X509Certificate> anchors, String pinnedSpkiSha256, String description) {
        this.kind = kind;
        this.anchors = List.copyOf(anchors);
        this.pinnedSpkiSha256 = pinnedSpkiSha256;
        this.description = description;
    }

    /** The JDK's default trust store: what a browser user's machine would accept. */
    public static TrustConfig system() {
        return new TrustConfig(Kind.SYSTEM, List.of(), null, "system trust store");
    }

    /** Trust exactly the certificates in a PEM file of trust anchors, e.g. the lab's ca.pem. */
    public static TrustConfig caFile(Path caPem) throws IOException {
        return new TrustConfig(Kind.CA_FILE, PemCertificates.read(caPem), null, "CA file " + caPem);
    }

    /** Trust a server whose leaf has the same key as the first certificate in the PEM file. */
    public static TrustConfig pinnedCertificate(Path certificatePem) throws IOException {
        X509Certificate pinned = PemCertificates.read(certificatePem).get(0);
        return new TrustConfig(Kind.PINNED, List.of(pinned), Spki.sha256Hex(pinned),
                "pinned certificate " + certificatePem);
    }

    /** Trust a server whose leaf key has this SPKI SHA-256 (hex). */
    public static TrustConfig pinnedSpki(String spkiSha256Hex) {
        String pin = Objects.requireNonNull(spkiSha256Hex, "spkiSha256Hex").toLowerCase(Locale.ROOT);
        if (!pin.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an SPKI pin is 64 hex digits of SHA-256");
        }
        return new TrustConfig(Kind.PINNED, List.of(), pin, "pinned SPKI sha256/" + pin);
    }

    /** A new trust manager that decides whether a server chain is acceptable. */
    public X509ExtendedTrustManager newTrustManager() {
        try {
            return switch (kind) {
                case SYSTEM -> pkix(null);
                case CA_FILE -> pkix(KeyStores.trustStore(anchors));
                case PINNED -> new PinnedSpkiTrustManager(pinnedSpkiSha256, anchors);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager for " + description, e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore); // null = the JDK's cacerts
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offered no X509ExtendedTrustManager");
    }

    /** As the journal keeps it (see {@link ClientTrust}). */
    public ClientTrust recorded() {
        String recordedKind = switch (kind) {
            case SYSTEM -> ClientTrust.SYSTEM;
            case CA_FILE -> ClientTrust.CA;
            case PINNED -> ClientTrust.PINNED;
        };
        return new ClientTrust(description, recordedKind, anchors.stream().map(PemCertificates::encode).toList());
    }

    @Override
    public String toString() {
        return description;
    }
}
