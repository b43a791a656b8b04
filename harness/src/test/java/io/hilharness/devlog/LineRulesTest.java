package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What is derived from the rule table ({@link LineRules}) must answer as the rules' regexes do: the
 * anchors are necessary conditions, the regex-free readers give the regex's groups, the index picks
 * the first matching rule, and the byte-level check never misses a message some rule or death
 * pattern recognises. Messages are built from every rule's own anchors, so a new rule is covered
 * without editing this test.
 */
class LineRulesTest {

    private static final List<LineRule> ALL = LineRules.ALL;
    private static final RuleSet INDEXED = new RuleSet(ALL);
    private static final Pattern DEATH_WORDS = Pattern.compile(String.join("|", LineRules.DEATH_WORDS), Pattern.CASE_INSENSITIVE);
    private static final LiteralIndex WORDS = new LiteralIndex(LineRules.DEATH_WORDS, List.of("() returned "));

    private static final String[] PIECES = {
        "", " ", "5", "46", "1234567890", "99999999999", "-0x7780", "-30592", "0x1", "(", ")", "()", "[2:46]", "[1:0]",
        ", ", ":", ": ", "(msg 46)", "(71 bytes)", " bytes", " bytes)", "127.0.0.1", "/index.html", " HTTP/1.1", "x", "x y",
        " -> ", "443", ".", "\"GET\"", "\"/a\"", "#1:", " #1", "TLSv1.2 TLS-ECDHE", ", status 200", "soft", ", image a",
        ", firmware b", " failed", " failed: ", "panic", "Hard Fault", "watchdog timeout", "\u00e9", "\u2028", "\t", "\r",
        "returned ", "=", "httpd ", "level=2 message=40", "pcb=0x1 hs=0x2 left=-5", "ms after reset", "FIN_WAIT_1 1 -> 2",
    };

    /** A message of each rule, as firmware prints it. */
    private static final String[] EXAMPLES = {
        "boot 2, reset cause: soft, image selfsigned, firmware refboard 1.4.2", "httpd ready, listening on 127.0.0.1:8443",
        "ready, listening on 0.0.0.0:443, 12 ms after reset", "accepted connection from 127.0.0.1", "=> handshake",
        "=> free", "client state: 3", "dumping 'my signature' (71 bytes)", "<= handshake", "server state: 16",
        "=> write certificate", "selected certificate chain, certificate #1:", "got an alert message, type: [2:46]",
        "is a fatal alert message (msg 46)", "is a close notify message", "send alert level=2 message=40",
        "mbedtls_ssl_read_record() returned -30592 (-0x7780)", "alloc(16717 bytes) failed",
        "mbedtls_ssl_handshake failed: -0x7780", "mbedtls_ssl_write() failed: -0x004e", "mbedtls_ssl_read failed: -80",
        "mbedtls_ssl_setup failed: -0x7f00", "handshake done: TLSv1.2 TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256",
        "GET /style.css", "POST /a HTTP/1.1", "Opening /style.css", "sent 123456 bytes of /style.css, status 200",
        "not found: /x", "connection closed (error -0x7780)", "connection closed",
        "status: boot 3, uptime 1234 ms, sessions 0/8", "reboot requested", "manifest error: missing key 'chain'",
        "certificate load failed: -0x2180", "key load failed", "TCP connection request 49584 -> 443.",
        "TCP connection established 49584 -> 443", "TCP connection closed: FIN_WAIT_1 49584 -> 443.",
        "tcp_listen_input: listen backlog exceeded for port 443", "memp_malloc: out of memory in pool TCP_PCB",
        "Received \"GET\" request for URI: \"/index.html\"", "Received 512 bytes", "http_send: pcb=0x1 hs=0x2 left=-5",
        "kernel panic", "Guru Meditation Error", "assertion \"x\" failed", "task watchdog triggered",
    };

    @Provide
    Arbitrary<String> messages() {
        List<String> starts = new ArrayList<>(List.of(PIECES));
        starts.addAll(List.of(EXAMPLES));
        starts.addAll(List.of(EXAMPLES));
        ALL.forEach(rule -> rule.anchors().forEach(a -> starts.add(a.literal())));
        Arbitrary<String> lead = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(PIECES)));
        Arbitrary<String> tail = Arbitraries.of(PIECES).list().ofMaxSize(3).map(parts -> String.join("", parts));
        return Combinators.combine(lead, Arbitraries.of(starts), tail).as((a, b, c) -> a + b + c);
    }

    @Property(tries = 4000)
    void everyMatchHoldsAnAnchorOfItsRule(@ForAll("messages") String message) {
        for (LineRule rule : ALL) {
            if (rule.pattern().matcher(message).lookingAt()) {
                assertTrue(rule.mayMatch(message), rule.pattern() + " matches " + message + " without an anchor");
            }
        }
    }

    @Property(tries = 4000)
    void quickReadersGiveTheGroupsOfTheRegex(@ForAll("messages") String message) {
        for (LineRule rule : ALL) {
            LineRule.Groups quick = rule.quick() == null ? null : rule.quick().read(message);
            if (quick != null) {
                Matcher m = rule.pattern().matcher(message);
                assertTrue(m.lookingAt(), rule.pattern() + " does not match " + message);
                for (int i = 0; i <= m.groupCount(); i++) {
                    assertEquals(m.group(i), quick.group(i), rule.pattern() + " group " + i + " of " + message);
                }
            }
        }
    }

    @Property(tries = 4000)
    void theIndexAppliesTheFirstRuleWhoseRegexMatches(@ForAll("messages") String message) {
        DeviceEvent.Builder indexed = DeviceEvent.builder();
        boolean applied = INDEXED.apply(message, indexed);
        LineRule first = ALL.stream().filter(r -> r.pattern().matcher(message).lookingAt()).findFirst().orElse(null);
        assertEquals(first != null, applied, message);
        if (first != null) {
            DeviceEvent.Builder direct = DeviceEvent.builder().type(first.type());
            Matcher m = first.pattern().matcher(message);
            assertTrue(m.lookingAt());
            first.fields().accept(m::group, direct);
            assertEquals(direct.build(), indexed.build(), message);
        }
    }

    /** The fast path takes a message as OTHER from its bytes only where the classifier would. */
    @Property(tries = 4000)
    void theByteCheckMissesNoMessageAnythingRecognises(@ForAll("messages") String message) {
        if (!message.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return; // the fast path reads printable ASCII only
        }
        DeviceEvent.Builder b = DeviceEvent.builder();
        MessageClassifier.classifyMessage(message, b);
        byte[] bytes = ("ab" + message + "cd").getBytes(StandardCharsets.US_ASCII);
        if (b.type() != EventType.OTHER) {
            assertTrue(MessageClassifier.mayRecognise(bytes, 2, bytes.length - 2), message + " is " + b.type());
        }
    }

    @Property(tries = 3000)
    void theDeathWordSearchFindsWhatARegexOfTheWordsFinds(@ForAll("messages") String message) {
        boolean death = DEATH_WORDS.matcher(message).find();
        assertEquals(death, WORDS.hasDeathWord(message), message);
        if (message.chars().allMatch(c -> c < 0x80)) {
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            boolean any = death || message.contains("() returned ");
            assertEquals(any, WORDS.anyIn(bytes, 0, bytes.length), message);
        }
    }

    @Example
    void theSimplestRegexesAreReadWithoutTheirRegex() {
        for (String message : List.of("=> handshake", "<= handshake", "=> free", "server state: 5", "client state: 12",
                "is a close notify message", "reboot requested now")) {
            LineRule rule = ALL.stream().filter(r -> r.pattern().matcher(message).lookingAt()).findFirst().orElseThrow();
            assertNotNull(rule.quick() == null ? null : rule.quick().read(message), message);
        }
    }

    @Example
    void aNewRuleIsOneDeclaration() {
        LineRule jammed = LineRule.of(EventType.ERROR, "widget jammed at ([0-9]{1,3})$",
                (m, b) -> b.detail(m.group(1)));
        RuleSet rules = new RuleSet(List.of(jammed));
        DeviceEvent.Builder b = DeviceEvent.builder();
        assertTrue(rules.apply("widget jammed at 42", b));
        assertEquals(EventType.ERROR, b.type());
        assertEquals("42", b.build().detail());
        assertNotNull(jammed.quick(), "a literal then digits is read without the regex");
        byte[] line = "widget jammed at 42".getBytes(StandardCharsets.US_ASCII);
        assertTrue(rules.startsWithAnchor(line, 0, line.length));
        assertFalse(rules.startsWithAnchor(line, 1, line.length));
    }

    @Example
    void aRuleWithoutAnAnchorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LineRule.of(EventType.ERROR, "(?:a|b) jammed$", (m, b) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> LineRule.of(EventType.ERROR, "(a|b) jammed$", LineRule.contains("j"), (m, b) -> { }));
    }
}
