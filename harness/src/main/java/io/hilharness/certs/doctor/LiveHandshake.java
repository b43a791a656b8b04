package io.hilharness.certs.doctor;

/**
 * What a real client (JSSE via OkHttp, with the doctor's trust) made of the endpoint.
 *
 * @param endpoint    host:port dialled
 * @param outcome     the client's outcome class, e.g. OK, CERT_REJECTED, HOSTNAME_MISMATCH
 * @param detail      the client's reason (the PKIX message for a rejected chain), null when it passed
 * @param tlsVersion  negotiated protocol, when the handshake got that far
 * @param cipherSuite negotiated suite, when the handshake got that far
 */
public record LiveHandshake(String endpoint, String outcome, String detail, String tlsVersion, String cipherSuite) {

    /** The client refused the certificate, or the server aborted the handshake with an alert. */
    public boolean rejected() {
        return "CERT_REJECTED".equals(outcome) || "HOSTNAME_MISMATCH".equals(outcome) || "SERVER_ALERT".equals(outcome);
    }

    /** A response arrived: the handshake and the certificate checks passed (a 404 or a bad body is no TLS matter). */
    public boolean accepted() {
        return "OK".equals(outcome) || "HTTP_ERROR".equals(outcome) || "TRUNCATED".equals(outcome)
                || "CORRUPT".equals(outcome);
    }
}
