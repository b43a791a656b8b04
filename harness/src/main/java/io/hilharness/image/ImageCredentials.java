package io.hilharness.image;

import io.hilharness.certs.LabCa;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.LeafFlaw;
import io.hilharness.certs.ServerCredential;
import io.hilharness.certs.ServerIdentity;

/** Issues the credential an image's {@code pki:} section asks for; see {@link PkiSpec#kind()}. */
final class ImageCredentials {

    private ImageCredentials() {
    }

    static ServerCredential issue(String imageName, PkiSpec pki) {
        ServerIdentity identity = new ServerIdentity(imageName, pki.ips(), pki.dns());
        return switch (pki.kind()) {
            case "selfsigned" -> LabPki.selfSigned(imageName, pki.ips(), pki.dns()).credential();
            case "lab-ca" -> LabPki.labCa(imageName, pki.ips(), pki.dns()).credential();
            case "lab-ca-intermediate" -> LabPki.newRootCa(imageName + " lab root")
                    .newIntermediate(imageName + " lab intermediate").issueServer(identity);
            case "pathlen0" -> pathLenZeroViolation(imageName).issueServer(identity);
            case "eku-client-only" -> LabPki.newRootCa(imageName + " lab CA").issueFlawedServer(identity, LeafFlaw.CLIENT_AUTH_ONLY);
            case "rsa1024" -> LabPki.newRootCa(imageName + " lab CA").issueFlawedServer(identity, LeafFlaw.RSA_1024);
            default -> throw new IllegalArgumentException(
                    "unknown pki kind '" + pki.kind() + "' (known: " + PkiSpec.KINDS + ")");
        };
    }

    /**
     * Intermediate B issued by intermediate A although A says pathLen 0 (it may only issue leaves): a
     * mistake made when a second issuing tier is added under an existing one. The leaf it issues comes
     * with the chain leaf, B, A; clients trust the root and reject the path.
     */
    private static LabCa pathLenZeroViolation(String imageName) {
        LabCa intermediateA = LabPki.newRootCa(imageName + " lab root")
                .newIntermediate(imageName + " intermediate A (pathLen 0)");
        return intermediateA.newIntermediate(imageName + " intermediate B");
    }
}
