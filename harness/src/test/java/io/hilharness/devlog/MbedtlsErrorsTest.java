package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The committed table is what {@link MbedtlsErrorHeaders} makes of the headers of the mbedTLS
     * versions it names, as far as they are on this machine. What they give is left in
     * {@code target/mbedtls-errors.tsv}, to copy over the resource when the board's mbedTLS changes.
     */
    @Test
    void tableIsWhatTheHeadersGive() throws IOException {
        String committed;
        try (InputStream in = MbedtlsErrors.class.getResourceAsStream("mbedtls-errors.tsv")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher named = Pattern.compile("from the headers of mbedTLS (.+?)\\. Generated").matcher(committed);
        assertTrue(named.find(), "the table names the versions it was made from");
        List<String> versions = List.of(named.group(1).split(", "));
        Map<String, MbedtlsErrorHeaders.Headers> found = new HashMap<>();
        for (Path source : headerSources()) {
            MbedtlsErrorHeaders.Headers headers = MbedtlsErrorHeaders.read(source);
            found.put(headers.version(), headers);
        }
        found.keySet().retainAll(versions);
        assumeFalse(found.isEmpty(), "no headers of mbedTLS " + versions + " here");
        if (found.size() == versions.size()) {
            String generated = MbedtlsErrorHeaders.tsv(versions.stream().map(found::get).toList());
            Path out = Path.of("target", "mbedtls-errors.tsv");
            Files.createDirectories(out.getParent());
            Files.writeString(out, generated, StandardCharsets.UTF_8);
            assertEquals(generated, committed, "mbedtls-errors.tsv is not what the headers give: see " + out.toAbsolutePath());
        } else {
            for (MbedtlsErrorHeaders.Headers headers : found.values()) {
                for (String line : MbedtlsErrorHeaders.tsv(List.of(headers)).split("\n")) {
                    assertTrue(line.startsWith("#") || committed.contains(line + "\n"), "not in mbedtls-errors.tsv: " + line);
                }
            }
        }
    }

    /** Debian's libmbedtls-dev, and the release tarball of the shared third-party folder above this one. */
    private static List<Path> headerSources() {
        List<Path> sources = new ArrayList<>();
        if (Files.isRegularFile(Path.of("/usr/include/mbedtls/version.h"))) {
            sources.add(Path.of("/usr/include/mbedtls"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tarball = dir.resolve("shared/third_party/mbedtls-2.28.10.tar.gz");
            if (Files.isRegularFile(tarball)) {
                sources.add(tarball);
                break;
            }
        }
        return sources;
    }

    @Test
    void headersAreReadWithTheFirstParagraphOfTheirDocComments() {
        MbedtlsErrorHeaders.Headers h = MbedtlsErrorHeaders.parse(Map.of(
                "version.h", "#define MBEDTLS_VERSION_STRING         \"2.28.99\"\n",
                "x.h", String.join("\n",
                        "/* Error codes in range 0x0020-0x0022 */",
                        "/** Invalid key length. */",
                        "#define MBEDTLS_ERR_X_INVALID_KEY_LENGTH    -0x0020",
                        "#define MBEDTLS_ERR_X_OLD   MBEDTLS_DEPRECATED_NUMERIC_CONSTANT(-0x0020)",
                        "#define MBEDTLS_ERR_X_TRAILING -0x0021 /**< Said after it. */",
                        "/** Signature algorithms do not match. (see \\c ::mbedtls_x509_crt sig_oid)",
                        " *",
                        " * More text that is not the first paragraph.",
                        " */",
                        "#define MBEDTLS_ERR_X_SIG   -0x2680",
                        "/** Of a function. */",
                        "int f(void);",
                        "#define MBEDTLS_ERR_X_BARE -0x0022")));
        assertEquals("2.28.99", h.version());
        assertEquals(List.of(
                new MbedtlsErrorHeaders.Constant(-0x20, "MBEDTLS_ERR_X_INVALID_KEY_LENGTH", "Invalid key length."),
                new MbedtlsErrorHeaders.Constant(-0x21, "MBEDTLS_ERR_X_TRAILING", "Said after it."),
                new MbedtlsErrorHeaders.Constant(-0x2680, "MBEDTLS_ERR_X_SIG",
                        "Signature algorithms do not match. (see mbedtls_x509_crt sig_oid)"),
                new MbedtlsErrorHeaders.Constant(-0x22, "MBEDTLS_ERR_X_BARE", "")), h.constants());
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
