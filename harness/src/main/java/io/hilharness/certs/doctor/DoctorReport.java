package io.hilharness.certs.doctor;

import java.time.Instant;
import java.util.List;

/**
 * The doctor's verdict on one chain.
 *
 * @param source      where the chain came from
 * @param trust       what it was judged against
 * @param clientNames addresses the clients use
 * @param clientTime  the client clock used
 * @param deviceTime  the board's clock, when known
 * @param chain       the certificates as sent
 * @param findings    errors first, then warnings, then information
 * @param verdict     {@code ok} or {@code problems}
 */
public record DoctorReport(String source, String trust, List<String> clientNames, Instant clientTime,
                           Instant deviceTime, List<CertSummary> chain, List<Finding> findings, String verdict) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_PROBLEMS = 1;

    public DoctorReport {
        clientNames = List.copyOf(clientNames);
        chain = List.copyOf(chain);
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** 0 without errors, 1 with; bad input never gets this far (2). */
    public int exitCode() {
        return count(Severity.ERROR) == 0 ? EXIT_OK : EXIT_PROBLEMS;
    }
}
