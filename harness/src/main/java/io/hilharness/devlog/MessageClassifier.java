package io.hilharness.devlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message (prefix already split off) into an event type and its fields by the rules of
 * {@link LineRules}. First matching rule wins; a message no rule knows is CRASH when it holds a
 * death pattern, ERROR when its severity is ERROR, else OTHER.
 */
final class MessageClassifier {

    /**
     * Longer messages are not classified: firmware lines are short (mbedTLS cuts debug text at 512
     * bytes), so a huge one is noise, and skipping it bounds the regex work per line.
     */
    static final int MAX_CLASSIFIED_LENGTH = 4096;

    // The firmware ends every connection-related line with the client's TCP source port.
    private static final Pattern PORT_SUFFIX = Pattern.compile(", port ([0-9]{1,5})$");

    /** Rules for a message after a format's prefix: the firmware's, mbedTLS's, then lwIP's. */
    private static final RuleSet MESSAGES = new RuleSet(LineRules.ALL);
    /** Rules for a line no format recognised: only lwIP's, which print without a prefix. */
    private static final RuleSet RAW = new RuleSet(LineRules.LWIP);
    /** The death words and the anchors that may stand anywhere in a message, in one index. */
    private static final LiteralIndex WORDS = new LiteralIndex(LineRules.DEATH_WORDS, MESSAGES.anywhereAnchors());

    /** Only a message holding one of the death words goes on to the regex. */
    static boolean isDeath(String message) {
        return WORDS.hasDeathWord(message) && LineRules.DEATH.matcher(message).find();
    }

    /**
     * Whether a rule or a death pattern may recognise the message {@code b[from, to)} (printable
     * ASCII): false means the classifier makes it {@link EventType#OTHER}, unless its line is at error
     * level. The fast path of {@code hil analyze} asks this for every line it has not met before,
     * so that hex dump rows cost no String.
     */
    static boolean mayRecognise(byte[] b, int from, int to) {
        return MESSAGES.startsWithAnchor(b, from, to) || WORDS.anyIn(b, from, to);
    }

    private MessageClassifier() {
    }

    /** Whether a line rule knows {@code message} (prefix and port suffix already off). */
    static boolean recognises(String message) {
        return message.length() <= MAX_CLASSIFIED_LENGTH && MESSAGES.apply(message, DeviceEvent.builder());
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
            if (MESSAGES.apply(message, b)) {
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
        if (RAW.apply(text, b)) {
            return true;
        }
        if (isDeath(text)) {
            b.type(EventType.CRASH).severity(Severity.ERROR);
            return true;
        }
        return false;
    }
}
