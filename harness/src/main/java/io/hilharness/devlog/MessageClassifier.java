package io.hilharness.devlog;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message (prefix already split off) into an event type and its fields: the reference
 * firmware's own lines and the mbedTLS 2.28 debug strings. First matching rule wins; a message no
 * rule knows becomes ERROR when its severity is ERROR, else OTHER.
 */
final class MessageClassifier {

    /**
     * Longer messages are not classified: firmware lines are short (mbedTLS cuts debug text at 512
     * bytes), so a huge one is noise, and skipping it bounds the regex work per line.
     */
    static final int MAX_CLASSIFIED_LENGTH = 4096;

    // The firmware ends every connection-related line with the client's TCP source port.
    private static final Pattern PORT_SUFFIX = Pattern.compile(", port ([0-9]{1,5})$");
    private static final String CODE = ErrorCodes.TOKEN;

    /** Capturing groups of a match, by number: a Matcher's, or read without a regex by a {@link Shape}. */
    @FunctionalInterface
    interface Groups {
        String group(int i);
    }

    /**
     * A message pattern. {@code mayMatch} is a cheap necessary condition (by default: starts with the
     * regex's literal prefix) checked before any regex work, because most lines match no rule and a
     * Matcher per rule per line dominated the cost. {@code shape}, for the most frequent lines, reads
     * the groups without a regex; when it answers null the regex decides.
     */
    private record Rule(Pattern pattern, Predicate<String> mayMatch, Shape shape,
                        BiConsumer<Groups, DeviceEvent.Builder> fill) {
        Rule(String regex, BiConsumer<Groups, DeviceEvent.Builder> fill) {
            this(Pattern.compile(regex), startsWith(literalPrefix(regex)), message -> null, fill);
        }

        /** A rule whose regex has no literal prefix, with an explicit cheap pre-check. */
        static Rule checked(String regex, Predicate<String> mayMatch, BiConsumer<Groups, DeviceEvent.Builder> fill) {
            return new Rule(Pattern.compile(regex), mayMatch, message -> null, fill);
        }

        Rule(String regex, Shape shape, BiConsumer<Groups, DeviceEvent.Builder> fill) {
            this(Pattern.compile(regex), startsWith(literalPrefix(regex)), shape, fill);
        }

        private static Predicate<String> startsWith(String literal) {
            if (literal.isEmpty()) {
                // Such a rule would run its regex on every line: give it an explicit pre-check.
                throw new IllegalArgumentException("rule without a literal prefix needs a pre-check");
            }
            return message -> message.startsWith(literal);
        }
    }

    /** Reads a message of one fixed shape without a regex: the groups, or null to let the regex decide. */
    @FunctionalInterface
    interface Shape {
        Groups read(String message);

        /** {@code literal$}: the whole message is the literal. */
        static Shape exactly(String literal) {
            return message -> message.equals(literal) ? i -> i == 0 ? message : null : null;
        }

        /** {@code literal([0-9]{1,max})$}: the literal, then only digits. */
        static Shape literalThenDigits(String literal, int max) {
            return message -> {
                if (!message.startsWith(literal) || LineText.digitsEnd(message, literal.length(), max) != message.length()) {
                    return null;
                }
                String digits = message.substring(literal.length());
                return i -> i == 0 ? message : i == 1 ? digits : null;
            };
        }
    }

    private static boolean startsWithAny(String message, String... literals) {
        for (String literal : literals) {
            if (message.startsWith(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The leading characters of {@code regex} that can only match themselves. */
    static String literalPrefix(String regex) {
        int i = 0;
        while (i < regex.length() && "\\^$.|?*+()[]{}".indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        // A quantifier after the literal applies to its last character, which is then not fixed.
        if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0 && i > 0) {
            i--;
        }
        return regex.substring(0, i);
    }

    private static final List<Rule> RULES = List.of(
            new Rule("boot ([0-9]{1,9}), reset cause: ([^,]*)(?:, image ([^,]*))?(?:, firmware (.*))?$",
                    (m, b) -> b.type(EventType.BOOT).boot(LineText.intOrNull(m.group(1)))
                            .detail(m.group(2)).image(m.group(3)).firmware(m.group(4))),
            Rule.checked("(?:\\w+ )?ready, listening on ([^\\s,]+)(?:, [0-9]{1,9} ms after reset)?$", msg -> msg.contains("ready, listening on "),
                    (m, b) -> b.type(EventType.READY).detail(m.group(1))),
            new Rule("accepted connection from (\\S+)$",
                    (m, b) -> b.type(EventType.CONNECTION_ACCEPTED).detail(m.group(1))),
            new Rule("=> handshake$", Shape.exactly("=> handshake"), (m, b) -> b.type(EventType.HANDSHAKE_START)),
            new Rule("=> free$", Shape.exactly("=> free"), (m, b) -> b.type(EventType.SSL_FREE)),
            new Rule("client state: ([0-9]{1,9})$", Shape.literalThenDigits("client state: ", 9), (m, b) -> {
                Integer state = LineText.intOrNull(m.group(1));
                b.type(EventType.CLIENT_STATE).state(state).detail(HandshakeStates.name(state));
            }),
            // ssl_srv.c prints the ServerKeyExchange signature as a buffer: its length varies by a byte.
            new Rule("dumping 'my signature' \\(([0-9]{1,9}) bytes\\)$",
                    (m, b) -> b.type(EventType.KEY_EXCHANGE).detail("my signature")
                            .bytes(LineText.longOrNull(m.group(1)))),
            new Rule("<= handshake$", Shape.exactly("<= handshake"), (m, b) -> b.type(EventType.HANDSHAKE_END)),
            new Rule("server state: ([0-9]{1,9})$", Shape.literalThenDigits("server state: ", 9), (m, b) -> {
                Integer state = LineText.intOrNull(m.group(1));
                b.type(EventType.STATE).state(state).detail(HandshakeStates.name(state));
            }),
            // Only the first certificate of the chain dump stands for "certificate sent".
            Rule.checked("(?:=> write certificate|selected certificate chain, certificate(?: #1:?)?)$",
                    msg -> startsWithAny(msg, "=> write certificate", "selected certificate chain, certificate"),
                    (m, b) -> b.type(EventType.CERTIFICATE_SENT)),
            new Rule("got an alert message, type: \\[([0-9]{1,3}):([0-9]{1,3})\\]$",
                    (m, b) -> b.type(EventType.ALERT_RECEIVED).alertLevel(LineText.intOrNull(m.group(1)))
                            .alertDescription(LineText.intOrNull(m.group(2)))),
            new Rule("is a fatal alert message \\(msg ([0-9]{1,3})\\)$",
                    (m, b) -> b.type(EventType.ALERT_FATAL).alertLevel(2)
                            .alertDescription(LineText.intOrNull(m.group(1)))),
            new Rule("is a close notify message$",
                    (m, b) -> b.type(EventType.CLOSE_NOTIFY_RECEIVED).alertLevel(1).alertDescription(0)),
            new Rule("send alert level=([0-9]{1,3}) message=([0-9]{1,3})$",
                    (m, b) -> b.type(EventType.ALERT_SENT).alertLevel(LineText.intOrNull(m.group(1)))
                            .alertDescription(LineText.intOrNull(m.group(2)))),
            // "%s() returned %d (-0x%04x)": the decimal is exact, the hex is of -ret as unsigned.
            Rule.checked("(\\w{1,100})\\(\\) returned (-?[0-9]{1,10}) \\(-0[xX][0-9a-fA-F]{1,8}\\)$",
                    msg -> msg.contains("() returned "),
                    (m, b) -> b.type(EventType.DEBUG_RETURN).detail(m.group(1))
                            .code(ErrorCodes.parse(m.group(2)))),
            new Rule("alloc\\(([0-9]{1,18}) bytes\\) failed$",
                    (m, b) -> b.type(EventType.ALLOC_FAILED).bytes(LineText.longOrNull(m.group(1)))),
            Rule.checked("(mbedtls_ssl_handshake)(?:\\(\\))? failed: " + CODE, msg -> msg.startsWith("mbedtls_ssl_handshake"),
                    (m, b) -> b.type(EventType.HANDSHAKE_FAILED).detail(m.group(1))
                            .code(ErrorCodes.parse(m.group(2)))),
            Rule.checked("(mbedtls_ssl_(?:read|write))(?:\\(\\))? failed: " + CODE,
                    msg -> startsWithAny(msg, "mbedtls_ssl_read", "mbedtls_ssl_write"),
                    (m, b) -> b.type(EventType.TLS_IO_ERROR).detail(m.group(1))
                            .code(ErrorCodes.parse(m.group(2)))),
            Rule.checked("(mbedtls_ssl_setup)(?:\\(\\))? failed: " + CODE, msg -> msg.startsWith("mbedtls_ssl_setup"),
                    (m, b) -> b.type(EventType.SETUP_FAILED).detail(m.group(1))
                            .code(ErrorCodes.parse(m.group(2)))),
            new Rule("handshake done: (\\S+) (\\S+)$",
                    (m, b) -> b.type(EventType.HANDSHAKE_DONE).tlsVersion(m.group(1)).cipher(m.group(2))
                            .detail(m.group(1) + " " + m.group(2))),
            Rule.checked("(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT) (\\S+)(?: HTTP/[0-9.]{1,5})?$",
                    msg -> !msg.isEmpty() && "GHPDOTC".indexOf(msg.charAt(0)) >= 0,
                    (m, b) -> b.type(EventType.HTTP_REQUEST).method(m.group(1)).path(m.group(2))),
            new Rule("Opening (\\S.*)$", (m, b) -> b.type(EventType.FILE_OPENED).path(m.group(1))),
            new Rule("sent ([0-9]{1,18}) bytes of (\\S.*?), status ([0-9]{3})$",
                    (m, b) -> b.type(EventType.RESPONSE_SENT).bytes(LineText.longOrNull(m.group(1)))
                            .path(m.group(2)).status(LineText.intOrNull(m.group(3)))),
            new Rule("not found: (\\S.*)$", (m, b) -> b.type(EventType.HTTP_NOT_FOUND).path(m.group(1))),
            new Rule("connection closed(?: \\((.*)\\))?$", (m, b) -> {
                String reason = m.group(1);
                b.type(EventType.CONNECTION_CLOSED).detail(reason);
                if (reason != null) {
                    b.code(ErrorCodes.findHex(reason));
                }
            }),
            new Rule("status: (.*)$", (m, b) -> {
                Map<String, Long> counters = StatusCounters.parse(m.group(1));
                b.type(EventType.STATUS).detail(m.group(1)).counters(counters);
                Long boot = counters.get("boot");
                if (boot != null && boot >= 0 && boot <= Integer.MAX_VALUE) {
                    b.boot(boot.intValue());
                }
            }),
            new Rule("reboot requested", (m, b) -> b.type(EventType.REBOOT_REQUESTED)),
            Rule.checked("(?:manifest error|certificate load failed|key load failed)(?::\\s*(.*))?$",
                    msg -> startsWithAny(msg, "manifest error", "certificate load failed", "key load failed"), (m, b) -> {
                b.type(EventType.CONFIG_ERROR).detail(m.group(1));
                if (m.group(1) != null) {
                    b.code(ErrorCodes.findHex(m.group(1)));
                }
            }));

    /** lwIP's LWIP_DEBUGF strings (2.1): printed raw, without any prefix, so recognised on any line. */
    private static final List<Rule> LWIP_RULES = List.of(
            new Rule("TCP connection request ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.type(EventType.TCP_CONNECTION_REQUEST).port(port(m.group(1)))
                            .detail(m.group(1) + " -> " + m.group(2))),
            new Rule("TCP connection established ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.type(EventType.TCP_CONNECTION_ESTABLISHED).port(port(m.group(1)))
                            .detail(m.group(1) + " -> " + m.group(2))),
            new Rule("TCP connection closed: ([A-Z_0-9]{1,20}) ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.type(EventType.TCP_CONNECTION_CLOSED).port(port(m.group(2)))
                            .detail(m.group(1))),
            new Rule("tcp_listen_input: listen backlog exceeded for port ([0-9]{1,5})$",
                    (m, b) -> b.type(EventType.LISTEN_BACKLOG_EXCEEDED).detail(m.group(1))),
            new Rule("memp_malloc: out of memory in pool (\\S{1,100})$",
                    (m, b) -> b.type(EventType.MEMORY_POOL_EXHAUSTED).detail(m.group(1))),
            new Rule("Received \"(\\w{1,20})\" request for URI: \"([^\"]{0,1000})\"",
                    (m, b) -> b.type(EventType.HTTP_REQUEST).method(m.group(1)).path(m.group(2))),
            new Rule("Received ([0-9]{1,10}) bytes$",
                    (m, b) -> b.type(EventType.TRANSFER_PROGRESS).detail("received")
                            .bytes(LineText.longOrNull(m.group(1)))),
            new Rule("http_send: pcb=\\S{1,40} hs=\\S{1,40} left=(-?[0-9]{1,10})$",
                    (m, b) -> b.type(EventType.TRANSFER_PROGRESS).detail("left")
                            .bytes(LineText.longOrNull(m.group(1)))));

    /** What firmware prints when it dies; any such line marks its boot as crashed. */
    static final Pattern DEATH = Pattern.compile(
            "\\bpanic|hard ?fault|\\bwatchdog\\b.{0,40}\\b(?:timeout|triggered|reset|expired|bark|bite)"
                    + "|\\bassert(?:ion)?\\b.{0,300}\\bfailed|Guru Meditation|abort\\(\\) was called"
                    + "|stack overflow|\\bBUS ?FAULT\\b|\\bUsage ?Fault\\b|\\bMemManage\\b",
            Pattern.CASE_INSENSITIVE);

    static final List<String> DEATH_WORDS = List.of("panic", "fault", "watchdog", "assert", "guru",
            "abort", "overflow", "memmanage");

    /** {@link #DEATH_WORDS} by first letter: one lookup per character, not one pass per word. */
    private static final String[][] DEATH_WORDS_BY_FIRST = new String[128][];

    static {
        for (String word : DEATH_WORDS) {
            String[] same = DEATH_WORDS_BY_FIRST[word.charAt(0)];
            String[] more = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
            more[more.length - 1] = word;
            DEATH_WORDS_BY_FIRST[word.charAt(0)] = more;
        }
    }

    /**
     * Cheap pre-check for {@link #DEATH}: its word-boundary alternation was a hot spot on every line.
     * Only a line holding one of {@link #DEATH_WORDS} in any ASCII case goes on to the regex.
     */
    static boolean isDeath(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = LineText.lower(message.charAt(i));
            String[] words = c < DEATH_WORDS_BY_FIRST.length ? DEATH_WORDS_BY_FIRST[c] : null;
            if (words == null) {
                continue;
            }
            for (String word : words) {
                if (LineText.asciiRegionMatches(message, i, word)) {
                    return DEATH.matcher(message).find();
                }
            }
        }
        return false;
    }

    private MessageClassifier() {
    }

    /** Fills type, message, port and the type's fields from {@code parsed} into {@code b}. */
    static void classify(LogLine parsed, DeviceEvent.Builder b) {
        classifyMessage(withoutPort(parsed.message(), b), b);
    }

    /** The message without its {@code , port N} suffix, whose number goes to {@code b}. */
    private static String withoutPort(String message, DeviceEvent.Builder b) {
        if (message.length() > MAX_CLASSIFIED_LENGTH) {
            return message;
        }
        int at = message.lastIndexOf(", port ");
        if (at < 0) {
            return message;
        }
        // Plain ", port N" at the very end without a Matcher; the regex judges anything else.
        int digits = at + ", port ".length();
        String value = LineText.digitsEnd(message, digits, 5) == message.length() ? message.substring(digits) : null;
        if (value == null) {
            Matcher port = PORT_SUFFIX.matcher(message);
            value = port.find(at) ? port.group(1) : null;
            at = value == null ? at : port.start();
        }
        Integer number = LineText.intOrNull(value);
        if (number != null && number <= 65535) {
            b.port(number);
            return message.substring(0, at);
        }
        return message;
    }

    /** Fills type, message and the type's fields for a message whose port suffix is already off. */
    static void classifyMessage(String message, DeviceEvent.Builder b) {
        b.message(message);
        if (message.length() <= MAX_CLASSIFIED_LENGTH) {
            if (apply(RULES, message, b) || apply(LWIP_RULES, message, b)) {
                return;
            }
            if (isDeath(message)) {
                b.type(EventType.CRASH).severity(Severity.ERROR);
                return;
            }
        }
        if (b.severity() == Severity.ERROR) {
            b.type(EventType.ERROR);
            if (message.length() <= MAX_CLASSIFIED_LENGTH) {
                b.code(ErrorCodes.findHex(message));
            }
        }
    }

    /**
     * Classifies a line no format recognised (lwIP's raw LWIP_DEBUGF output, a crash dump): only lwIP
     * strings and death patterns count, so random text stays OTHER.
     *
     * @return whether the line was recognised
     */
    static boolean classifyRaw(String text, DeviceEvent.Builder b) {
        if (text.length() > MAX_CLASSIFIED_LENGTH) {
            return false;
        }
        if (apply(LWIP_RULES, text, b)) {
            return true;
        }
        if (isDeath(text)) {
            b.type(EventType.CRASH).severity(Severity.ERROR);
            return true;
        }
        return false;
    }

    private static boolean apply(List<Rule> rules, String message, DeviceEvent.Builder b) {
        for (Rule rule : rules) {
            if (!rule.mayMatch.test(message)) {
                continue;
            }
            Groups read = rule.shape.read(message);
            if (read != null) {
                rule.fill.accept(read, b);
                return true;
            }
            Matcher m = rule.pattern.matcher(message);
            if (m.lookingAt()) {
                rule.fill.accept(m::group, b);
                return true;
            }
        }
        return false;
    }

    private static Integer port(String digits) {
        Integer v = LineText.intOrNull(digits);
        return v != null && v <= 65535 ? v : null;
    }
}
