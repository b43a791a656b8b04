package io.hilharness.certs.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Runs every check over a chain and puts the findings in order: worst first, then by certificate. */
public final class CertDoctor {

    private final List<CertCheck> checks;

    public CertDoctor(List<CertCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** All checks the harness has, in report order. */
    public static CertDoctor standard() {
        return new CertDoctor(List.of(new TrustCheck(), new ChainStructureCheck(), new ConstraintsCheck(),
                new NameCheck(), new ValidityCheck(), new AlgorithmCheck(), new KeyMatchCheck(), new SizeCheck(),
                new HandshakeCheck(), new DeviceDumpCheck(), new WireChainCheck()));
    }

    public DoctorReport examine(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        for (CertCheck check : checks) {
            try {
                findings.addAll(check.check(input));
            } catch (RuntimeException e) {
                // One broken check must not hide what the others found.
                findings.add(Finding.warning(check.id(), null, null, "this check could not run: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        "report this as a harness bug, with the chain (never the key)"));
            }
        }
        List<Finding> ordered = findings.stream()
                .sorted(Comparator.comparing(Finding::severity)
                        .thenComparing(f -> f.cert() == null ? Integer.MAX_VALUE : f.cert()))
                .toList();
        List<CertSummary> chain = IntStream.range(0, input.chain().size())
                .mapToObj(i -> CertSummary.of(i, input.chain().get(i))).toList();
        boolean problems = ordered.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new DoctorReport(input.source(), input.trust().toString(), input.clientNames(), input.clientTime(),
                input.deviceTime().orElse(null), chain, ordered, problems ? "problems" : "ok");
    }
}
