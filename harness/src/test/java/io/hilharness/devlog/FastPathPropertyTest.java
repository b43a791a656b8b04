package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The hand-written fast paths (prefix at the start of a line, context pointer, case-insensitive
 * search) must answer exactly what the regexes and lower-casing they stand in for answer. Lines are
 * built from pieces of real prefixes and their near misses, so the edge cases come up often.
 */
class FastPathPropertyTest {

    private static final String[] PIECES = {
        "./library/ssl_msg.c", "ssl_tls.c", "main.c", "a.toolongext", "x.c", "lib\\ssl.c", "-.h", "..c", ".c",
        ":", ": ", " ", "4698", "12345678", "0", ": |2| ", " |1|", " |x| ", "|3|", "WARNING: ", "ERROR: ",
        "682374: ", "1234567890123: ", "0x7ffd413c27e0: ", "0X1: ", "0x: ", "(nil): ", "0x12345678901234567: ",
        "got an alert message", "ALERT", "AlErT", "al\u0130rt", "\u0130", "\u212A", "\u017F", "\u00e9", "port ",
        ", port 4242", "\u2028", "abc", "_", "/", "\\", "-", "\t",
    };

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of(PIECES).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void mbedtlsPrefixMatchesTheRegex(@ForAll("lines") String line) {
        MbedtlsNativeFormat format = new MbedtlsNativeFormat();
        assertEquals(format.parseByRegex(line), format.parse(line));
    }

    @Property(tries = 3000)
    void boardPrefixMatchesTheRegex(@ForAll("lines") String line) {
        BoardLogFormat format = new BoardLogFormat();
        assertEquals(format.parseByRegex(line), format.parse(line));
    }

    @Property(tries = 3000)
    void contextPointerMatchesTheRegex(@ForAll("lines") String line) {
        assertEquals(LineText.contextOfByRegex(line), LineText.contextOf(line));
    }

    @Property(tries = 3000)
    void caseInsensitiveSearchMatchesLowerCasing(@ForAll("lines") String line) {
        for (String word : new String[] {"alert", "panic", "assert", "fault"}) {
            assertEquals(line.toLowerCase(Locale.ROOT).contains(word), LineText.containsIgnoreCase(line, word), word);
        }
    }

    @Example
    void typicalLinesTakeTheFastPathAndKeepEveryField() {
        LogLine mbedtls = new MbedtlsNativeFormat().parse(
                "./library/ssl_msg.c:4698: |2| 0x7ffd413c27e0: got an alert message, type: [2:46], port 4242");
        assertNotNull(mbedtls);
        assertEquals(new LogLine("mbedtls", null, Severity.WARNING, "ssl_msg.c", 4698, 2, "0x7ffd413c27e0",
                "got an alert message, type: [2:46], port 4242"), mbedtls);
        LogLine board = new BoardLogFormat().parse("682374: WARNING: ssl_tls.c 4253: got an alert message, type: [2:46]");
        assertEquals(new LogLine("board", 682374L, Severity.WARNING, "ssl_tls.c", 4253, null, null,
                "got an alert message, type: [2:46]"), board);
    }
}
