package io.hilharness.certs.doctor;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS Certificate message against the board's output buffer: mbedTLS 2.28 writes the whole message
 * into one MBEDTLS_SSL_OUT_CONTENT_LEN buffer and fails with -0x7500 (SSL_CERTIFICATE_TOO_LARGE) when it
 * does not fit.
 */
final class SizeCheck implements CertCheck {

    static final String ID = "size";
    /** Handshake header (type + 24-bit length) plus the 24-bit length of the certificate list. */
    private static final int MESSAGE_OVERHEAD = 4 + 3;
    /** Each certificate is preceded by its own 24-bit length. */
    private static final int PER_CERT_OVERHEAD = 3;

    @Override
    public String id() {
        return ID;
    }

    static int certificateMessageBytes(List<X509Certificate> chain) {
        return MESSAGE_OVERHEAD + chain.stream().mapToInt(c -> PER_CERT_OVERHEAD + CertFacts.der(c).length).sum();
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<X509Certificate> chain = input.chain();
        int der = chain.stream().mapToInt(c -> CertFacts.der(c).length).sum();
        int message = certificateMessageBytes(chain);
        List<Finding> findings = new ArrayList<>();
        String size = chain.size() + " certificate(s), " + der + " bytes DER; the TLS Certificate message is "
                + message + " bytes";
        if (input.outContentLen().isEmpty()) {
            findings.add(Finding.info(ID, null, null, size + " (board buffer unknown: --out-content-len)"));
            return findings;
        }
        int limit = input.outContentLen().get();
        String hint = CertFacts.selfSigned(chain.get(chain.size() - 1)) && chain.size() > 1
                ? "; the root at the end need not be sent" : "";
        if (message > limit) {
            findings.add(Finding.error(ID, null, null, size + ", more than the board's MBEDTLS_SSL_OUT_CONTENT_LEN "
                            + limit + ": mbedTLS fails every handshake with -0x7500 (SSL_CERTIFICATE_TOO_LARGE)" + hint,
                    "send fewer or smaller certificates (EC P-256 instead of RSA, no root), or raise "
                            + "MBEDTLS_SSL_OUT_CONTENT_LEN to at least " + message));
        } else if (message * 10L > limit * 9L) {
            findings.add(Finding.warning(ID, null, null, size + ", within 10% of the board's "
                    + "MBEDTLS_SSL_OUT_CONTENT_LEN " + limit + hint, "keep the chain small, or raise the buffer"));
        } else {
            findings.add(Finding.info(ID, null, null, size + ", fits the board's MBEDTLS_SSL_OUT_CONTENT_LEN " + limit));
        }
        return findings;
    }
}
