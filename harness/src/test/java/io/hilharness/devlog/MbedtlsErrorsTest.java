package io.hilharness.devlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MbedtlsErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "-0x7780, MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE",
            "-0x7880, MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY",
            "-0x7280, MBEDTLS_ERR_SSL_CONN_EOF",
            "-0x7F00, MBEDTLS_ERR_SSL_ALLOC_FAILED",
            "-0x6900, MBEDTLS_ERR_SSL_WANT_READ",
            "-0x6880, MBEDTLS_ERR_SSL_WANT_WRITE",
            "-0x6800, MBEDTLS_ERR_SSL_TIMEOUT",
            "-0x7900, MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO",
            "-0x7480, MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE",
            "-0x7580, MBEDTLS_ERR_SSL_CERTIFICATE_REQUIRED",
            "-0x6980, MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE",
            "-0x7700, MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE",
            "-0x6C00, MBEDTLS_ERR_SSL_INTERNAL_ERROR",
            "-0x0050, MBEDTLS_ERR_NET_CONN_RESET",
            "-0x004C, MBEDTLS_ERR_NET_RECV_FAILED",
            "-0x004E, MBEDTLS_ERR_NET_SEND_FAILED",
            "-0x2700, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED",
            "-0x2180, MBEDTLS_ERR_X509_INVALID_FORMAT",
            "-0x0060, MBEDTLS_ERR_ASN1_OUT_OF_DATA",
            "-0x3D00, MBEDTLS_ERR_PK_KEY_INVALID_FORMAT",
            "-0x4F80, MBEDTLS_ERR_ECP_BAD_INPUT_DATA",
            "-0x4080, MBEDTLS_ERR_RSA_BAD_INPUT_DATA",
            "-0x0010, MBEDTLS_ERR_MPI_ALLOC_FAILED",
            "-0x6080, MBEDTLS_ERR_CIPHER_FEATURE_UNAVAILABLE",
            "-0x0012, MBEDTLS_ERR_GCM_AUTH_FAILED",
            "-0x5080, MBEDTLS_ERR_MD_FEATURE_UNAVAILABLE",
            "-0x0034, MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED",
            "-0x003C, MBEDTLS_ERR_ENTROPY_SOURCE_FAILED",
            "-0x002C, MBEDTLS_ERR_BASE64_INVALID_CHARACTER",
            "-0x1080, MBEDTLS_ERR_PEM_NO_HEADER_FOOTER_PRESENT",
            "-0x002E, MBEDTLS_ERR_OID_NOT_FOUND",
    })
    void namesFromTheHeaders(String hex, String name) {
        int code = ErrorCodes.parse(hex);
        assertEquals(name, MbedtlsErrors.name(code));
        assertTrue(MbedtlsErrors.describe(code).startsWith(name + " (" + hex.toUpperCase().replace("0X", "0x") + "): "),
                MbedtlsErrors.describe(code));
    }

    @Test
    void combinedCodeIsSplitIntoHighAndLow() {
        assertEquals("MBEDTLS_ERR_X509_INVALID_FORMAT + MBEDTLS_ERR_ASN1_OUT_OF_DATA", MbedtlsErrors.name(-0x21E0));
        String d = MbedtlsErrors.describe(-0x21E0);
        assertTrue(d.contains("MBEDTLS_ERR_X509_INVALID_FORMAT (-0x2180)"), d);
        assertTrue(d.contains("format is invalid"), d);
        assertTrue(d.contains("MBEDTLS_ERR_ASN1_OUT_OF_DATA (-0x0060)"), d);
        assertTrue(d.contains("Out of data"), d);
    }

    @Test
    void partlyKnownAndUnknownCodes() {
        assertEquals("MBEDTLS_ERR_X509_INVALID_FORMAT + -0x007F", MbedtlsErrors.name(-0x21FF));
        assertNull(MbedtlsErrors.name(-0x007F));
        assertNull(MbedtlsErrors.name(-0x0FFF));
        assertEquals("MBEDTLS_ERR_ERROR_GENERIC_ERROR", MbedtlsErrors.name(-0x0001));
        assertTrue(MbedtlsErrors.describe(-0x007F).contains("unknown"));
        assertNull(MbedtlsErrors.name(0));
        assertNull(MbedtlsErrors.name(5));
        assertNull(MbedtlsErrors.name(Integer.MIN_VALUE));
        assertTrue(MbedtlsErrors.describe(0).contains("no error"));
        assertTrue(MbedtlsErrors.describe(7).contains("not an mbedTLS error"));
        assertTrue(MbedtlsErrors.describe(Integer.MIN_VALUE).contains("unknown"));
    }

    @Test
    void hexFormatting() {
        assertEquals("-0x7780", MbedtlsErrors.hex(-0x7780));
        assertEquals("-0x004E", MbedtlsErrors.hex(-0x4E));
        assertEquals("-0x80000000", MbedtlsErrors.hex(Integer.MIN_VALUE));
    }

    @Test
    void tableCoversThe228Headers() {
        assertTrue(MbedtlsErrors.size() > 240, "size " + MbedtlsErrors.size());
    }

    @Test
    void parsesPrintedCodes() {
        assertEquals(-0x7780, ErrorCodes.parse("-0x7780"));
        assertEquals(-0x7780, ErrorCodes.parse("-0X7780"));
        assertEquals(-0x7780, ErrorCodes.parse("-0x7780".toLowerCase()));
        assertEquals(-30592, ErrorCodes.parse("-30592"));
        assertNull(ErrorCodes.parse("-0xFFFFFFFFF"));
        assertNull(ErrorCodes.parse("-"));
        assertNull(ErrorCodes.parse(""));
        assertEquals(-0x4E, ErrorCodes.findHex("write failed (-0x004e) on socket"));
        assertNull(ErrorCodes.findHex("x-0x12z"));
    }
}
