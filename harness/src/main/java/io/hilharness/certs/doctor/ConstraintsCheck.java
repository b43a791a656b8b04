package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.isCa;
import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * basicConstraints and pathLenConstraint along the leaf's path (RFC 5280 4.2.1.9), keyUsage
 * (digitalSignature for the leaf, keyCertSign for issuers) and extendedKeyUsage serverAuth.
 */
final class ConstraintsCheck implements CertCheck {

    static final String ID = "constraints";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<X509Certificate> chain = input.chain();
        List<Finding> findings = new ArrayList<>();
        leaf(input.leaf(), findings);
        List<Integer> path = CertFacts.pathFromLeaf(chain);
        for (int m = 1; m < path.size(); m++) {
            int index = path.get(m);
            X509Certificate issuer = chain.get(index);
            issuerConstraints(issuer, index, "#" + path.get(m - 1), chain, findings);
            pathLen(issuer, index, label(chain, index), caCertsBelow(chain, path, m), findings);
        }
        X509Certificate end = chain.get(path.get(path.size() - 1));
        if (!CertFacts.selfSigned(end)) {
            Optional<X509Certificate> anchor = CertFacts.anchorIssuing(input.trust().roots(), end);
            anchor.ifPresent(a -> pathLen(a, null, "the trust anchor (" + subject(a) + ")",
                    caCertsBelow(chain, path, path.size()), findings));
        }
        return findings;
    }

    private static void leaf(X509Certificate leaf, List<Finding> findings) {
        if (isCa(leaf)) {
            findings.add(Finding.error(ID, 0, subject(leaf),
                    "the leaf is a CA certificate (basicConstraints cA=true): Firefox and other clients refuse a CA "
                            + "certificate as the server's own certificate",
                    "issue the server certificate with basicConstraints cA=false, from a separate CA"));
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            boolean rsaKeyExchangeOnly = "RSA".equals(leaf.getPublicKey().getAlgorithm()) && usage[KEY_ENCIPHERMENT];
            if (rsaKeyExchangeOnly) {
                findings.add(Finding.warning(ID, 0, subject(leaf),
                        "keyUsage has keyEncipherment but not digitalSignature: only RSA key exchange works, "
                                + "ECDHE suites and TLS 1.3 fail",
                        "re-issue the leaf with keyUsage digitalSignature (and keyEncipherment)"));
            } else {
                findings.add(Finding.error(ID, 0, subject(leaf),
                        "keyUsage lacks digitalSignature: the server cannot sign the handshake with this key",
                        "re-issue the leaf with keyUsage digitalSignature"));
            }
        }
        List<String> purposes = extendedKeyUsage(leaf);
        if (purposes != null && !purposes.contains(SERVER_AUTH) && !purposes.contains(ANY_EKU)) {
            findings.add(Finding.error(ID, 0, subject(leaf),
                    "extendedKeyUsage does not include serverAuth (has " + purposes + "): clients refuse it for a server",
                    "re-issue the leaf with extendedKeyUsage serverAuth"));
        }
    }

    private static void issuerConstraints(X509Certificate issuer, int index, String child,
                                          List<X509Certificate> chain, List<Finding> findings) {
        if (!isCa(issuer)) {
            findings.add(Finding.error(ID, index, subject(issuer), label(chain, index) + " issued " + child
                            + " but is not a CA (basicConstraints cA=true missing): clients stop the path here",
                    "re-issue it as a CA: basicConstraints critical cA=true, keyUsage keyCertSign"));
            return;
        }
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && !usage[KEY_CERT_SIGN]) {
            findings.add(Finding.error(ID, index, subject(issuer), label(chain, index) + " issued " + child
                            + " but its keyUsage lacks keyCertSign",
                    "re-issue it with keyUsage keyCertSign (and cRLSign)"));
        }
    }

    /** RFC 5280 4.2.1.9: at most pathLen non-self-issued intermediates may follow a CA in the path. */
    private static void pathLen(X509Certificate ca, Integer index, String who, List<Integer> below,
                                List<Finding> findings) {
        Optional<Integer> limit = CertFacts.pathLen(ca);
        if (limit.isEmpty() || below.size() <= limit.get()) {
            return;
        }
        String following = below.stream().map(i -> "#" + i).reduce((a, b) -> a + ", " + b).orElse("");
        findings.add(Finding.error(ID, index, subject(ca), who + " has pathLenConstraint " + limit.get() + " but "
                        + below.size() + " CA certificate(s) follow it (" + following + "): RFC 5280 4.2.1.9 allows "
                        + limit.get() + ", so clients reject the path",
                limit.get() == 0
                        ? "issue the leaf directly from " + who.replaceFirst(" \\(.*", "") + ", or re-issue it with "
                                + "pathLenConstraint " + below.size()
                        : "re-issue it with pathLenConstraint " + below.size() + " or remove an intermediate level"));
    }

    /** CA certificates between the issuer at path position m and the leaf, not counting self-issued ones. */
    private static List<Integer> caCertsBelow(List<X509Certificate> chain, List<Integer> path, int m) {
        List<Integer> below = new ArrayList<>();
        for (int j = 1; j < m; j++) {
            X509Certificate cert = chain.get(path.get(j));
            if (!cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
                below.add(path.get(j));
            }
        }
        return below;
    }

    private static List<String> extendedKeyUsage(X509Certificate leaf) {
        try {
            return leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return List.of("unparseable extendedKeyUsage");
        }
    }
}
