package io.hilharness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps private keys out of reports: a debug build may dump a PEM private key to its console, and
 * reports get mailed around and attached to tickets. The raw capture keeps everything (owner-only).
 */
final class Redaction {
    static final String REDACTED = "[private key redacted]";

    private Redaction() {
    }

    /**
     * The lines with every line of a PEM private-key block (BEGIN to END, both included) replaced by
     * the marker; one output line per input line, so line numbers still match.
     */
    static List<String> lines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inKey = false;
        for (String line : lines) {
            String text = line == null ? "" : line;
            if (!inKey && isKeyBoundary(text, "BEGIN")) {
                out.add(REDACTED);
                inKey = !isKeyBoundary(text, "END");
            } else if (inKey) {
                out.add(REDACTED);
                inKey = !isKeyBoundary(text, "END");
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private static boolean isKeyBoundary(String line, String which) {
        int at = line.indexOf("-----" + which + " ");
        return at >= 0 && line.indexOf("PRIVATE KEY-----", at) > 0;
    }
}
