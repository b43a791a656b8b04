package io.hilharness.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * The classification table on constructed exceptions shaped like the ones JSSE and OkHttp throw
 * (HttpsDriverTest produces the real ones over real connections).
 */
class OutcomeClassifierTest {

    private static Classification before(Throwable t) {
        return OutcomeClassifier.classify(t, Phase.BEFORE_RESPONSE);
    }

    @Test
    void pkixFailureIsCertRejectedWithTheDeepestReason() {
        var notACa = new CertPathValidatorException("basic constraints check failed: this is not a CA certificate");
        var wrapped = new SSLHandshakeException("PKIX path validation failed: " + notACa);
        wrapped.initCause(new CertificateException("PKIX path validation failed", notACa));

        Classification c = before(wrapped);

        assertEquals(Outcome.CERT_REJECTED, c.outcome());
        assertTrue(c.detail().startsWith("PKIX path validation failed"), c.detail());
        assertTrue(c.detail().endsWith("basic constraints check failed: this is not a CA certificate"), c.detail());
    }

    @Test
    void deepestReasonWhenNoPkixSummaryExists() {
        var expired = new CertificateExpiredException("NotAfter: Sat Nov 27 10:00:00 UTC 2027");

        Classification c = before(new SSLHandshakeException("handshake failed").initCause(expired));

        assertEquals(new Classification(Outcome.CERT_REJECTED, expired.getMessage()), c);
    }

    @Test
    void pkixMessageAloneIsEnough() {
        Classification c = before(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target"));

        assertEquals(Outcome.CERT_REJECTED, c.outcome());
        assertTrue(c.detail().contains("unable to find valid certification path"));
    }

    @Test
    void hostnameFailureIsAMismatch() {
        Classification c = before(new SSLPeerUnverifiedException("Hostname 127.0.0.1 not verified:\n"
                + "    certificate: sha256/abc=\n    DN: CN=127.0.0.2\n    subjectAltNames: [127.0.0.2]"));

        assertEquals(Outcome.HOSTNAME_MISMATCH, c.outcome());
    }

    @Test
    void fatalAlertNamesTheAlert() {
        assertEquals(new Classification(Outcome.SERVER_ALERT, "handshake_failure"),
                before(new SSLHandshakeException("Received fatal alert: handshake_failure")));
        IOException wrapped = new IOException("read failed", new SSLException("Received fatal alert: bad_record_mac"));
        assertEquals(new Classification(Outcome.SERVER_ALERT, "bad_record_mac"),
                OutcomeClassifier.classify(wrapped, Phase.BODY));
    }

    @Test
    void transportFailures() {
        assertEquals(Outcome.REFUSED, before(new ConnectException("Connection refused")).outcome());
        assertEquals(Outcome.RESET, before(new SocketException("Connection reset")).outcome());
        assertEquals(Outcome.RESET, before(new IOException("write", new SocketException("Broken pipe"))).outcome());
        assertEquals(Outcome.TIMEOUT, before(new SocketTimeoutException("Read timed out")).outcome());
        assertEquals(Outcome.TIMEOUT, before(new InterruptedIOException("timeout")).outcome());
        assertEquals(Outcome.RESET, before(new SSLHandshakeException("Remote host terminated the handshake")).outcome());
    }

    @Test
    void endOfStreamMeansTruncatedOnlyInTheBody() {
        assertEquals(Outcome.TRUNCATED,
                OutcomeClassifier.classify(new ProtocolException("unexpected end of stream"), Phase.BODY).outcome());
        assertEquals(Outcome.TRUNCATED, OutcomeClassifier.classify(new EOFException(), Phase.BODY).outcome());
        Classification noResponse = before(new IOException("unexpected end of stream on https://127.0.0.1:443/...",
                new EOFException("\\n not found: limit=0 content=…")));
        assertEquals(Outcome.RESET, noResponse.outcome());
        assertTrue(noResponse.detail().startsWith("closed by peer before a response"));
    }

    @Test
    void unknownFailuresKeepTheirWholeChain() {
        Classification c = before(new IllegalStateException("odd", new IOException("inner")));

        assertEquals(Outcome.ERROR, c.outcome());
        assertEquals("IllegalStateException: odd <- IOException: inner", c.detail());
    }

    @Test
    void responses() {
        assertEquals(Outcome.HTTP_ERROR, OutcomeClassifier.forResponse(404, null).outcome());
        assertEquals(Outcome.HTTP_ERROR, OutcomeClassifier.forResponse(503, Boolean.FALSE).outcome());
        assertEquals(Outcome.CORRUPT, OutcomeClassifier.forResponse(200, Boolean.FALSE).outcome());
        assertEquals(Outcome.OK, OutcomeClassifier.forResponse(200, Boolean.TRUE).outcome());
        assertEquals(Outcome.OK, OutcomeClassifier.forResponse(200, null).outcome());
    }

    @Test
    void worstOutcomeWins() {
        Classification http = new Classification(Outcome.HTTP_ERROR, "HTTP 404");
        Classification reset = new Classification(Outcome.RESET, "reset");

        assertEquals(reset, http.worse(reset));
        assertEquals(reset, reset.worse(http));
        assertEquals(http, Classification.OK.worse(http));
        assertTrue(Outcome.ERROR.isWorseThan(Outcome.CERT_REJECTED), "unknown errors are never hidden");
    }
}
