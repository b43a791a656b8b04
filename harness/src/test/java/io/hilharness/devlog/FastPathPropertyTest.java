package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
        "got an alert message", "ALERT", "AlErT", "al\u0130rt", "PAN\u0130C", "pani", "c", "Hard Fault", "oK",
        "o\u212A", "s\u0130", "\ufffd", "\u0130", "\u212A", "\u017F", "\u00e9", "port ",
        ", port 4242", "\u2028", "abc", "_", "/", "\\", "-", "\t",
        "I (123) ", "E (12:00:01.500) ", "V (", ")", " (", "mbedtls: ", "esp-tls: ", "[DBG ]", "[ERR ]", "[TLSW]",
        "][", "]: ", "[", "]", "\u001B[32m", "\ufffd\ufffd", "\u0000",
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
    void caseInsensitiveSearchMatchesTheRegexItStandsBefore(@ForAll("lines") String line) {
        List<String> words = new ArrayList<>(LineRules.DEATH_WORDS);
        words.addAll(List.of("alert", "ok", "si"));
        for (String word : words) {
            boolean regex = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE).matcher(line).find();
            assertEquals(regex, LineText.containsIgnoreCase(line, word), word);
        }
    }

    /** Whole prefixes of each built-in format and their near misses, between bits of noise. */
    @Provide
    Arbitrary<String> prefixedLines() {
        Arbitrary<String> prefix = Arbitraries.of("ssl_tls.c:4698: |2| ", "./library/ssl_msg.c:0: ", "x.c:12:",
                "x.c::12:", "x.c: 12:", "682379: ssl_tls.c 4253: ", "682379: x.c 4:", "0: WARNING: main.c 9:", "1:  main.c 9:",
                "I (123) mbedtls: ", "V (12:00:01.500) tag: ", "W (0) x:", "E(0) x:", "D  (0) x:", "[DBG ][TLSW]: ",
                "[WARN][x]:", "[INFO][abcdefgh]: ", "[CMD ][a]", "[ERR ][]: ", "[DBG] [x]:", "");
        Arbitrary<String> noise = Arbitraries.of(PIECES).list().ofMaxSize(3).map(parts -> String.join("", parts));
        return Combinators.combine(noise, prefix, noise).as((a, b, c) -> a + b + c);
    }

    @Property(tries = 3000)
    void prefixLiteralCheckSkipsOnlyLinesTheRegexDoesNotMatch(@ForAll("prefixedLines") String line) {
        for (PrefixPattern prefix : List.of(MbedtlsNativeFormat.PREFIX, BoardLogFormat.PREFIX, EspIdfFormat.PREFIX,
                MbedTraceFormat.PREFIX)) {
            boolean regex = LineText.findPrefix(prefix.pattern(), line) != null;
            assertEquals(regex, prefix.find(line) != null, prefix.pattern().pattern());
        }
    }

    @Provide
    Arbitrary<String> deathLines() {
        Arbitrary<String> death = Arbitraries.of("panic", "PANIC", "xpanic", "Hard Fault", "HARDFAULT", "fault",
                "watchdog", "Watchdog timeout", "WATCHDOG bite", "assert", "Assertion", " failed", "Guru Meditation",
                "guru", "abort() was called", "ABORT", "stack overflow", "Overflow", "MemManage", "memmanag",
                "bus fault", "usagefault", "P\u0130NIC", "\u212Aernel panic", "pan", "ic");
        return Arbitraries.oneOf(death, Arbitraries.of(PIECES)).list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void deathPreCheckAnswersAsTheRegex(@ForAll("deathLines") String line) {
        assertEquals(LineRules.DEATH.matcher(line).find(), MessageClassifier.isDeath(line));
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
