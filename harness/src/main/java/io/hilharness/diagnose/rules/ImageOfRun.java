package io.hilharness.diagnose.rules;

import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.doctor.DoctorFiles;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.Evidence;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The image a run's header names, as built on this machine ({@code firmware-images/build/images/NAME}):
 * its chain and private key, for the certificate doctor. A run folder never holds a private key, so
 * the key can only come from here. Building an image issues fresh certificates, so the folder counts as
 * the one the run used only when what the run recorded says so: a chain a client received, or the CA
 * the clients trusted (the run header's trust anchors).
 *
 * <p>Not a record: its toString must not reach the key.
 */
final class ImageOfRun {
    private final Path chainFile;
    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final Path keyFile;
    private final boolean sameAsRun;

    private ImageOfRun(Path chainFile, List<X509Certificate> chain, PrivateKey key, Path keyFile, boolean sameAsRun) {
        this.chainFile = chainFile;
        this.chain = List.copyOf(chain);
        this.key = key;
        this.keyFile = keyFile;
        this.sameAsRun = sameAsRun;
    }

    /** The built image of the run's header; empty when it is not on this machine or cannot be read. */
    static Optional<ImageOfRun> of(Evidence evidence) {
        try {
            Path dir = ProjectLayout.locate().builtImage(evidence.image());
            FirmwareImage image = FirmwareImage.load(dir);
            Path chainFile = dir.resolve(image.manifest().certChain());
            Path keyFile = dir.resolve(image.manifest().privateKey());
            List<X509Certificate> chain = DoctorFiles.certificates(chainFile);
            List<X509Certificate> anchors = new ArrayList<>(chain);
            if (image.trustFile().isPresent()) {
                anchors.addAll(PemCertificates.read(image.trustFile().get()));
            }
            return Optional.of(new ImageOfRun(chainFile, chain, DoctorFiles.privateKey(keyFile, null), keyFile,
                    recordedByRun(evidence, chain, anchors)));
        } catch (IOException | ManifestException | RuntimeException notThere) {
            return Optional.empty();
        }
    }

    /** A client received this chain's leaf, or the clients trusted one of the image's certificates. */
    private static boolean recordedByRun(Evidence evidence, List<X509Certificate> chain, List<X509Certificate> anchors)
            throws IOException {
        byte[] leaf = encoded(chain.get(0));
        boolean received = evidence.connections().stream().map(ConnectionFacts::client)
                .filter(c -> !c.peerChain().isEmpty()).map(c -> c.peerChain().get(0)).distinct()
                .flatMap(pem -> ChainFacts.parse(List.of(pem)).stream()).anyMatch(certs -> Arrays.equals(encoded(certs.get(0)), leaf));
        if (received || evidence.spec() == null || evidence.spec().trust() == null) {
            return received;
        }
        List<X509Certificate> trusted = evidence.spec().trust().anchors();
        return trusted.stream().anyMatch(t -> anchors.stream().anyMatch(a -> Arrays.equals(encoded(a), encoded(t))));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return new byte[0];
        }
    }

    Path chainFile() {
        return chainFile;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    PrivateKey key() {
        return key;
    }

    Path keyFile() {
        return keyFile;
    }

    /** What the run recorded shows this folder is the image it ran (not one built again since). */
    boolean sameAsRun() {
        return sameAsRun;
    }

    @Override
    public String toString() {
        return "ImageOfRun{" + chainFile + ", privateKey=<hidden>}";
    }
}
