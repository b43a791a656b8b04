package io.hilharness.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The diagnosis as people read it: diagnosis.txt, and the few lines printed after a campaign. */
public final class DiagnosisText {
    private DiagnosisText() {
    }

    /** Every finding with its facts, evidence and fix. */
    public static String render(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        out.append(headline(diagnosis)).append('\n');
        int n = 1;
        for (Finding f : diagnosis.findings()) {
            out.append('\n').append(n++).append(". ").append(f.rule())
                    .append(String.format(Locale.ROOT, " (confidence %.2f)%n", f.confidence()));
            out.append("   root cause: ").append(f.rootCause()).append('\n');
            details(f).forEach(line -> out.append("   ").append(line).append('\n'));
        }
        for (String error : diagnosis.ruleErrors()) {
            out.append("\nrule failed: ").append(printable(error)).append('\n');
        }
        return out.toString();
    }

    /** Connection ids shown per finding; diagnosis.json lists all of them. */
    static final int MAX_IDS_SHOWN = 10;

    /** e.g. "explains 168 failed connections: b1r7c1, b1r7c2, ... (diagnosis.json lists all)". */
    static java.util.Optional<String> explains(Finding f) {
        List<String> ids = f.explains();
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), MAX_IDS_SHOWN)));
        return java.util.Optional.of("explains " + ids.size() + " failed connection" + (ids.size() == 1 ? "" : "s") + ": "
                + shown + (ids.size() > MAX_IDS_SHOWN ? ", ... (diagnosis.json lists all)" : ""));
    }

    /** A finding's facts, evidence (with console line numbers and byte offsets) and fix, one line each. */
    public static List<String> details(Finding f) {
        List<String> lines = new ArrayList<>();
        explains(f).ifPresent(lines::add);
        for (Map.Entry<String, String> fact : f.facts().entrySet()) {
            lines.add(fact.getKey() + ": " + fact.getValue());
        }
        lines.add("evidence:");
        for (EvidenceItem item : f.evidence()) {
            lines.add("  - " + describe(item));
            for (LogRef line : item.deviceLines()) {
                lines.add("    console line " + line.line() + " (byte " + line.offset() + "): " + printable(line.text()));
            }
            for (WireRef packet : item.wire()) {
                lines.add("    wire: " + printable(packet.describe()));
            }
        }
        lines.add("fix: " + f.fix());
        return lines;
    }

    /** The headline and the top findings' root causes, for a terminal after the summary table. */
    public static String brief(Diagnosis diagnosis, int findings) {
        StringBuilder out = new StringBuilder(headline(diagnosis)).append('\n');
        diagnosis.findings().stream().limit(findings).forEach(f -> out
                .append(String.format(Locale.ROOT, "  [%.2f] %s%s: %s%n", f.confidence(), f.rule(),
                        f.explains().isEmpty() ? "" : " (" + f.explains().size() + " failed)", f.rootCause()))
                .append("         fix: ").append(f.fix()).append('\n'));
        return out.toString();
    }

    private static String headline(Diagnosis d) {
        String findings = d.findings().isEmpty() ? "no finding"
                : d.findings().size() == 1 ? "1 finding" : d.findings().size() + " findings";
        return "Diagnosis of " + d.image() + ": " + findings + " (" + d.failedConnections() + " of "
                + d.connections() + " connections failed" + (d.failedConnections() == 0 ? "" : "; " + d.accounting()) + ")";
    }

    private static String describe(EvidenceItem item) {
        StringBuilder s = new StringBuilder();
        if (item.connection() != null) {
            s.append(item.connection()).append(" port ").append(item.port())
                    .append(" (boot ").append(item.boot()).append(", round ").append(item.round()).append("): ")
                    .append(item.outcome());
            if (item.clientDetail() != null) {
                s.append(": ").append(printable(item.clientDetail()));
            }
            s.append(" -- ");
        } else if (item.boot() != null) {
            s.append("boot ").append(item.boot()).append(": ");
        }
        return s.append(item.note()).toString();
    }

    /** Device lines are untrusted: no control characters reach a terminal. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                s.append(String.format("\\x%02x", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}
