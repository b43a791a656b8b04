package io.hilharness.diagnose.rules;

import io.hilharness.certs.PemCertificates;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with the chain the board sent, read from the chain the client recorded: the
 * certificate-level reason behind a rejection, whatever the client said.
 */
record ChainFacts(int length, String leafSubject, Optional<String> problem, Optional<Reason> reason) {

    /** Kinds of certificate problems, each with its fix. */
    enum Reason {
        SELF_SIGNED("Serve a certificate issued by a CA the clients trust (a lab CA installed in the clients' "
                + "trust stores, or a public CA) instead of a self-signed one: browsers and TLS libraries never "
                + "trust a self-signed server certificate they were not told to trust."),
        PATH_LEN("Reissue the chain so that no CA certificate signs below its pathLenConstraint: give the CA "
                + "above the intermediate a pathLen at least the number of CAs below it (or none), or issue the "
                + "server certificate directly from the CA with pathLen 0."),
        NOT_A_CA("Issue the server certificate from a CA certificate (basicConstraints CA:TRUE with keyCertSign); "
                + "a certificate that is not a CA cannot sign another one."),
        EXPIRED("Renew the server certificate (and any expired CA in its chain) and check the board's clock and "
                + "the validity period the build gives it."),
        UNTRUSTED("Make the board send its whole chain (leaf and every intermediate, leaf first) ending at a root "
                + "the clients trust, or install the lab CA in the clients' trust stores."),
        OTHER("Make the board present a chain that validates to a root the clients trust: check issuer, "
                + "intermediates, validity dates, basic constraints and key usage.");

        final String fix;

        Reason(String fix) {
            this.fix = fix;
        }
    }

    /** The recorded chain as certificates; empty when it does not parse (the record is evidence, not input we trust). */
    static Optional<List<X509Certificate>> parse(List<String> pemChain) {
        try {
            List<X509Certificate> chain = PemCertificates.decode(pemChain);
            return chain.isEmpty() ? Optional.empty() : Optional.of(chain);
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    static Optional<ChainFacts> of(List<String> pemChain, Instant at) {
        Optional<List<X509Certificate>> parsed = parse(pemChain);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<X509Certificate> chain = parsed.get();
        X509Certificate leaf = chain.get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        for (X509Certificate c : chain) {
            if (at != null && c.getNotAfter().toInstant().isBefore(at)) {
                return Optional.of(new ChainFacts(chain.size(), subject, Optional.of("certificate " + name(c)
                        + " expired on " + c.getNotAfter().toInstant()), Optional.of(Reason.EXPIRED)));
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            X509Certificate ca = chain.get(i);
            if (ca.getBasicConstraints() < 0) {
                return Optional.of(new ChainFacts(chain.size(), subject, Optional.of(name(ca)
                        + " signs " + name(chain.get(i - 1)) + " but is not a CA certificate"), Optional.of(Reason.NOT_A_CA)));
            }
            // CA certificates below this one in the chain (the leaf does not count).
            int casBelow = i - 1;
            int pathLen = ca.getBasicConstraints();
            if (pathLen != Integer.MAX_VALUE && casBelow > pathLen) {
                return Optional.of(new ChainFacts(chain.size(), subject, Optional.of(name(ca) + " has pathLenConstraint "
                        + pathLen + " but " + casBelow + " CA certificate(s) below it in the chain"), Optional.of(Reason.PATH_LEN)));
            }
        }
        if (chain.size() == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return Optional.of(new ChainFacts(1, subject, Optional.of("the server certificate " + name(leaf)
                    + " is self-signed"), Optional.of(Reason.SELF_SIGNED)));
        }
        return Optional.of(new ChainFacts(chain.size(), subject, Optional.empty(), Optional.empty()));
    }

    /** The reason a client's own message gives (JSSE's PKIX messages), when it names one. */
    static Optional<Reason> fromClientDetail(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        String d = detail.toLowerCase(java.util.Locale.ROOT);
        if (d.contains("pathlen")) {
            return Optional.of(Reason.PATH_LEN);
        }
        if (d.contains("not a ca")) {
            return Optional.of(Reason.NOT_A_CA);
        }
        if (d.contains("expired") || d.contains("notafter") || d.contains("certificate_expired")) {
            return Optional.of(Reason.EXPIRED);
        }
        if (d.contains("unable to find valid certification path") || d.contains("unknown_ca")
                || d.contains("path building failed")) {
            return Optional.of(Reason.UNTRUSTED);
        }
        return Optional.empty();
    }

    private static String name(X509Certificate c) {
        return "'" + c.getSubjectX500Principal().getName() + "'";
    }
}
