package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Key types, sizes, curves and signature hashes against what browsers, curl and mbedTLS clients accept. */
final class AlgorithmCheck implements CertCheck {

    static final String ID = "algorithms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> chain = input.chain();
        for (int i = 0; i < chain.size(); i++) {
            key(chain, i, findings);
            signature(chain, i, findings);
        }
        return findings;
    }

    private static void key(List<X509Certificate> chain, int i, List<Finding> findings) {
        X509Certificate cert = chain.get(i);
        String subject = subject(cert);
        String key = CertFacts.keyDescription(cert);
        if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048) {
                findings.add(Finding.error(ID, i, subject, label(chain, i) + " has an " + key
                        + " key: clients refuse RSA keys under 2048 bits", "use EC P-256 or RSA 2048"));
            } else if (bits > 4096) {
                findings.add(Finding.warning(ID, i, subject, label(chain, i) + " has an " + key
                                + " key: slow handshakes on a board and beyond many mbedTLS builds (MBEDTLS_MPI_MAX_SIZE)",
                        "use EC P-256 or RSA 2048"));
            }
            return;
        }
        String algorithm = cert.getPublicKey().getAlgorithm();
        if ("EC".equals(algorithm)) {
            String curve = CertFacts.curveName(cert).map(CertFacts::commonCurveName).orElse("explicit parameters");
            switch (curve) {
                case "P-256", "P-384" -> {
                }
                case "P-521" -> findings.add(Finding.warning(ID, i, subject, label(chain, i)
                        + " uses curve P-521, which Chrome does not offer in TLS", "use EC P-256"));
                default -> findings.add(Finding.error(ID, i, subject, label(chain, i) + " uses curve " + curve
                        + ": browsers and most TLS clients accept only P-256 and P-384", "use EC P-256"));
            }
            return;
        }
        findings.add(Finding.error(ID, i, subject, label(chain, i) + " has a " + key
                + " key, which browsers do not accept in certificates", "use EC P-256 or RSA 2048"));
    }

    private static void signature(List<X509Certificate> chain, int i, List<Finding> findings) {
        X509Certificate cert = chain.get(i);
        String algorithm = cert.getSigAlgName().toUpperCase(Locale.ROOT);
        boolean weak = algorithm.contains("MD5") || algorithm.contains("MD2") || algorithm.contains("SHA1")
                || algorithm.startsWith("SHA-1");
        if (!weak) {
            return;
        }
        if (CertFacts.selfSigned(cert)) {
            // Nobody checks a root's signature on itself: the client trusts the root's key directly.
            findings.add(Finding.info(ID, i, subject(cert), label(chain, i) + " signs itself with "
                    + cert.getSigAlgName() + "; harmless for a root"));
            return;
        }
        findings.add(Finding.error(ID, i, subject(cert), label(chain, i) + " is signed with " + cert.getSigAlgName()
                        + ": clients refuse SHA-1 and MD5 signatures",
                "re-issue it signed with SHA-256 (SHA256withECDSA or SHA256withRSA)"));
    }
}
