package io.hilharness.certs.doctor;

import io.hilharness.certs.Spki;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * One certificate of the chain as the report lists it (public facts only).
 *
 * @param index     position in the chain as sent, 0 = leaf
 * @param role      leaf, intermediate, root (self-signed) as its position and flags suggest
 * @param key       e.g. "EC P-256", "RSA 2048"
 * @param derBytes  DER size
 * @param spkiSha256 SHA-256 of the public key, the value a pin names
 */
public record CertSummary(int index, String subject, String issuer, String role, String key, String signature,
                          Instant notBefore, Instant notAfter, int derBytes, String spkiSha256) {

    static CertSummary of(int index, X509Certificate cert) {
        String role = index == 0 ? (CertFacts.selfSigned(cert) ? "leaf (self-signed)" : "leaf")
                : CertFacts.selfSigned(cert) ? "root" : CertFacts.isCa(cert) ? "intermediate" : "not a CA";
        return new CertSummary(index, CertFacts.subject(cert), CertFacts.issuer(cert), role,
                CertFacts.keyDescription(cert), cert.getSigAlgName(), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(), CertFacts.der(cert).length, Spki.sha256Hex(cert));
    }
}
