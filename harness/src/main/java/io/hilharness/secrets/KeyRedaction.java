package io.hilharness.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps private keys out of everything the harness shows or writes but the raw capture: a debug build
 * may dump a PEM private key to its console, and terminals are shared, journals and reports mailed
 * around and attached to tickets. {@code console.raw} keeps every byte (owner-only).
 *
 * <p>Line for line: every line of a PEM private-key block, BEGIN to END, is replaced by
 * {@link #REDACTED}, so line numbers still match the raw capture.
 */
public final class KeyRedaction {
    public static final String REDACTED = "[private key redacted]";

    private boolean inKey;

    /** For one stream of lines (a console): call {@link #next} with each line in order. */
    public KeyRedaction() {
    }

    /** {@code line}, or the marker when it is part of a private-key block. */
    public String next(String line) {
        String text = line == null ? "" : line;
        if (inKey || isKeyBoundary(text, "BEGIN")) {
            inKey = !isKeyBoundary(text, "END");
            return REDACTED;
        }
        return text;
    }

    /** The lines with every line of a private-key block replaced by the marker. */
    public static List<String> lines(List<String> lines) {
        KeyRedaction redaction = new KeyRedaction();
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(redaction.next(line));
        }
        return out;
    }

    /** One line on its own (a crash line quoted alone): the marker if it opens or closes a key block. */
    public static String line(String line) {
        if (line == null) {
            return null;
        }
        return isKeyBoundary(line, "BEGIN") || isKeyBoundary(line, "END") ? REDACTED : line;
    }

    private static boolean isKeyBoundary(String line, String which) {
        int at = line.indexOf("-----" + which + " ");
        return at >= 0 && line.indexOf("PRIVATE KEY-----", at) > 0;
    }
}
