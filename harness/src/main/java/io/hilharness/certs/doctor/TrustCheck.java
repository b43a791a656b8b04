package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import io.hilharness.certs.Trust;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Whether a client with the chosen trust accepts the chain: the JDK's PKIX validation of the leaf's path,
 * with its exact reason when it fails, and the self-signed leaf in plain words.
 */
final class TrustCheck implements CertCheck {

    static final String ID = "trust";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<X509Certificate> chain = input.chain();
        X509Certificate leaf = input.leaf();
        Trust trust = input.trust();
        if (CertFacts.selfSigned(leaf)) {
            return List.of(selfSignedLeaf(input));
        }
        if (trust.kind() == Trust.Kind.PINNED) {
            return List.of(trust.pins(leaf)
                    ? Finding.info(ID, 0, subject(leaf), "the leaf's key matches the " + trust)
                    : Finding.error(ID, 0, subject(leaf), "the leaf's key does not match the " + trust,
                            "pin the certificate the board actually sends, or flash the board with the pinned one"));
        }
        List<Integer> path = new ArrayList<>(CertFacts.pathFromLeaf(chain));
        // A root the server sends along is not part of the path to validate: the client's own copy is the anchor.
        int last = path.get(path.size() - 1);
        if (path.size() > 1 && CertFacts.isAnchor(trust.roots(), chain.get(last))) {
            path.remove(path.size() - 1);
        }
        try {
            validate(path.stream().map(chain::get).toList(), input);
            X509Certificate end = chain.get(path.get(path.size() - 1));
            String anchor = CertFacts.anchorIssuing(trust.roots(), end).map(CertFacts::subject).orElse("?");
            return List.of(Finding.info(ID, null, null, "trusted by the " + trust + ": path "
                    + path.stream().map(i -> "#" + i).reduce((a, b) -> a + " -> " + b).orElse("")
                    + " -> anchor " + anchor));
        } catch (CertPathValidatorException e) {
            int failed = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.get(e.getIndex())
                    : path.get(path.size() - 1);
            return List.of(notTrusted(input, path, failed, e));
        }
    }

    private static Finding selfSignedLeaf(DoctorInput input) {
        X509Certificate leaf = input.leaf();
        Trust trust = input.trust();
        if (trust.pins(leaf) || CertFacts.isAnchor(trust.roots(), leaf)) {
            return Finding.warning(ID, 0, subject(leaf),
                    "self-signed leaf: only clients that pin or explicitly trust exactly this certificate accept it",
                    "issue the leaf from a lab CA (hil certs issue) and give clients its ca.pem instead");
        }
        String notCa = CertFacts.isCa(leaf) ? ""
                : "; it is not a CA (basicConstraints cA=false), so many clients refuse it even as a trust anchor";
        return Finding.error(ID, 0, subject(leaf),
                "self-signed leaf, not trusted by the " + trust + ": browsers, curl and mbedTLS clients reject it"
                        + " (alert 46/48)" + notCa,
                "issue the leaf from a lab CA (hil certs issue) and install the CA's ca.pem on the clients, "
                        + "or pin this certificate in the client");
    }

    private static Finding notTrusted(DoctorInput input, List<Integer> path, int failed,
                                      CertPathValidatorException e) {
        List<X509Certificate> chain = input.chain();
        X509Certificate cert = chain.get(failed);
        Trust trust = input.trust();
        String pkix = "PKIX: " + e.getMessage();
        if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
            int end = path.get(path.size() - 1);
            X509Certificate last = chain.get(end);
            String fix = trust.kind() == Trust.Kind.SYSTEM
                    ? "a lab CA is in no system store: install its ca.pem on the clients (--trust ca.pem here), "
                            + "or use a certificate from a public CA; if '" + CertFacts.issuer(last)
                            + "' is an intermediate, the server must send it"
                    : "send the intermediate '" + CertFacts.issuer(last) + "' after " + "#" + end
                            + " (chain: leaf, then intermediates), or trust the CA that issued " + "#" + end;
            return Finding.error(ID, end, subject(last), "not trusted by the " + trust + ": " + label(chain, end)
                    + " was issued by '" + CertFacts.issuer(last) + "', which is neither in the chain nor a trust "
                    + "anchor: a missing intermediate, or a CA the clients do not trust (" + pkix + ")", fix);
        }
        return Finding.error(ID, failed, subject(cert), "not trusted by the " + trust + ": " + pkix
                + " at " + label(chain, failed), "see the constraints, validity and algorithms findings for "
                + label(chain, failed));
    }

    private static void validate(List<X509Certificate> path, DoctorInput input) throws CertPathValidatorException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(input.trust().trustAnchors());
            // Lab boards have no CRL or OCSP responder; revocation is not what the doctor diagnoses.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(input.clientTime()));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new CertPathValidatorException("cannot run PKIX validation: " + e.getMessage(), e);
        }
    }
}
