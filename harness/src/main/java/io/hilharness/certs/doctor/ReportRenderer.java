package io.hilharness.certs.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hilharness.json.Json;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The doctor's report as a terminal table or as JSON. */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    public static String json(DoctorReport report) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    public static String table(DoctorReport report) {
        StringBuilder out = new StringBuilder();
        out.append("chain: ").append(report.source()).append('\n');
        out.append("trust: ").append(report.trust());
        if (!report.clientNames().isEmpty()) {
            out.append("; clients use ").append(String.join(", ", report.clientNames()));
        }
        if (report.deviceTime() != null) {
            out.append("; device clock ").append(report.deviceTime());
        }
        out.append("\n\n");
        for (CertSummary cert : report.chain()) {
            out.append(String.format(Locale.ROOT, "  #%d %-20s %s%n", cert.index(), cert.role(), cert.subject()));
            out.append(String.format(Locale.ROOT, "     issuer %s; %s, %s; %s .. %s; %d bytes%n", cert.issuer(),
                    cert.key(), cert.signature(), cert.notBefore().truncatedTo(ChronoUnit.SECONDS),
                    cert.notAfter().truncatedTo(ChronoUnit.SECONDS), cert.derBytes()));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-8s %-12s %-5s %s%n", "SEVERITY", "CHECK", "CERT", "FINDING"));
        for (Finding finding : report.findings()) {
            out.append(String.format(Locale.ROOT, "%-8s %-12s %-5s %s%n", finding.severity(), finding.check(),
                    finding.cert() == null ? "-" : "#" + finding.cert(), finding.message()));
            if (finding.fix() != null) {
                out.append(String.format(Locale.ROOT, "%-8s %-12s %-5s fix: %s%n", "", "", "", finding.fix()));
            }
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "verdict: %s (%d error(s), %d warning(s))%n", report.verdict(),
                report.count(Severity.ERROR), report.count(Severity.WARNING)));
        return out.toString();
    }
}
