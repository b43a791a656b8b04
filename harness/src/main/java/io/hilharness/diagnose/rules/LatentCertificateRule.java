package io.hilharness.diagnose.rules;

import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.CertDoctor;
import io.hilharness.certs.doctor.DoctorInput;
import io.hilharness.certs.doctor.Severity;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.run.PeerChains;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chain the campaign's clients accepted but others would not: the certificate doctor's errors (and
 * its "expires soon" warning) on the chain the board served, as the clients recorded it (the journal's
 * {@code chain} records), for a campaign that passed or failed for another reason. Says which kinds of
 * client reject it and why; claims no connection and does not change the verdict (it is asked about
 * passing campaigns too, {@link #looksAtPassingCampaigns}).
 */
public final class LatentCertificateRule implements DiagnosisRule {
    /** Below every finding that explains failures: nothing failed because of it, yet. */
    public static final double CONFIDENCE = 0.5;

    /** The doctor's checks whose verdict does not depend on what these clients trusted. */
    private static final Set<String> CHECKS = Set.of("algorithms", "names", "validity", "constraints", "chain");

    @Override
    public String name() {
        return "latent-certificate-problem";
    }

    @Override
    public boolean looksAtPassingCampaigns() {
        return true;
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        // The chains the clients accepted: those a connection received and went past (a rejected chain is
        // certificate-rejected's, a named mismatch hostname-mismatch's).
        Map<String, ConnectionFacts> accepted = new LinkedHashMap<>();
        for (ConnectionFacts c : evidence.connections()) {
            ConnectionRecord client = c.client();
            if (!client.peerChain().isEmpty() && client.outcome() != Outcome.CERT_REJECTED
                    && client.outcome() != Outcome.HOSTNAME_MISMATCH) {
                accepted.putIfAbsent(PeerChains.sha256(client.peerChain()), c);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, ConnectionFacts> served : accepted.entrySet()) {
            latent(evidence, served.getKey(), served.getValue()).ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<Finding> latent(Evidence evidence, String sha256, ConnectionFacts first) {
        Optional<List<X509Certificate>> chain = ChainFacts.parse(first.client().peerChain());
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        DoctorInput.Builder input = DoctorInput.builder("the chain the board served", chain.get())
                .clientTime(first.client().start() != null ? first.client().start() : java.time.Instant.now());
        host(first.client().remote()).ifPresent(h -> input.clientNames(List.of(h)));
        // What the clients trusted: the doctor's verdicts on names and algorithms do not depend on it, but
        // without it the doctor would read the system store for nothing.
        Trust trust = evidence.spec() == null ? null : evidence.spec().trust();
        if (trust != null && !(trust.kind() == Trust.Kind.PINNED && trust.anchors().isEmpty())) {
            input.trust(trust);
        }
        List<io.hilharness.certs.doctor.Finding> problems = CertDoctor.standard().examine(input.build()).findings().stream()
                .filter(f -> CHECKS.contains(f.check()))
                .filter(f -> f.severity() == Severity.ERROR || (f.check().equals("validity") && f.severity() == Severity.WARNING))
                .toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("chain served", chain.get().size() + " certificate(s), leaf "
                + chain.get().get(0).getSubjectX500Principal().getName() + ", sha256 " + sha256.substring(0, 16));
        List<String> whoRejects = new ArrayList<>();
        for (io.hilharness.certs.doctor.Finding p : problems) {
            String clients = ClientsRejecting.of(p);
            facts.put(describe(p), clients);
            whoRejects.add(clients);
        }
        String rootCause = "The board's certificate works for this campaign's client but not for every client: "
                + describe(problems.get(0)) + " (" + whoRejects.get(0) + ")"
                + (problems.size() > 1 ? ", and " + (problems.size() - 1) + " more problem(s)" : "") + ".";
        String fix = problems.stream().map(io.hilharness.certs.doctor.Finding::fix).filter(java.util.Objects::nonNull)
                .distinct().collect(Collectors.joining("; "))
                + " (hil certs doctor names the same on this chain; try the clients your users have: a browser, curl).";
        EvidenceItem example = EvidenceItem.of(first, "received this chain and accepted it", List.of());
        return Optional.of(new Finding(name(), rootCause, CONFIDENCE, facts, List.of(example), fix));
    }

    /** The host part of "host:port" (an IPv6 literal in brackets without them). */
    private static Optional<String> host(String remote) {
        if (remote == null || remote.isBlank()) {
            return Optional.empty();
        }
        int colon = remote.lastIndexOf(':');
        String host = colon > 0 ? remote.substring(0, colon) : remote;
        return Optional.of(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }

    private static String describe(io.hilharness.certs.doctor.Finding f) {
        return (f.cert() == null || f.message().startsWith("#") ? "" : "#" + f.cert() + " ") + f.message();
    }
}
