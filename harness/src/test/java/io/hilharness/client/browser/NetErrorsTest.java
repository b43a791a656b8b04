package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.client.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetErrorsTest {
    @ParameterizedTest
    @CsvSource({
            "ERR_CERT_AUTHORITY_INVALID, CERT_REJECTED",
            "ERR_CERT_DATE_INVALID, CERT_REJECTED",
            "ERR_CERT_INVALID, CERT_REJECTED",
            "ERR_CERT_COMMON_NAME_INVALID, HOSTNAME_MISMATCH",
            "ERR_CONNECTION_REFUSED, REFUSED",
            "ERR_CONNECTION_RESET, RESET",
            "ERR_CONNECTION_CLOSED, RESET",
            "ERR_EMPTY_RESPONSE, RESET",
            "ERR_TIMED_OUT, TIMEOUT",
            "ERR_CONTENT_LENGTH_MISMATCH, TRUNCATED",
            "ERR_SSL_PROTOCOL_ERROR, ERROR",
            "ERR_ABORTED, ERROR"
    })
    void chromiumErrorsFallIntoTheHarnessClasses(String netError, Outcome expected) {
        assertEquals(expected, NetErrors.outcome(netError));
        assertEquals(netError, NetErrors.classify(netError).detail());
    }
}
