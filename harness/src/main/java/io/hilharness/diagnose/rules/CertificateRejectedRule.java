package io.hilharness.diagnose.rules;

import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.CertDoctor;
import io.hilharness.certs.doctor.DoctorInput;
import io.hilharness.certs.doctor.Severity;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.WireRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Clients reject the board's certificate. Recognised from either side, so it does not matter which
 * client made the connections: the client's own verdict (a PKIX failure), or the board's log of a
 * handshake the client ended right after receiving the certificate: a certificate alert (42-46, 48:
 * Chromium and JSSE send 46, curl/OpenSSL 48, JSSE 45 for an expired one), or no alert at all, just
 * an EOF (-0x7280, the JDK's HttpClient) or a reset (-0x0050, Chromium's second connection).
 *
 * <p>A certificate problem is deterministic: it fails (nearly) every handshake. A handshake that
 * ends after the certificate only now and then is something else, so a share threshold applies.
 */
public final class CertificateRejectedRule implements DiagnosisRule {
    /** Share of handshakes that must end in a rejection when a client or alert names the certificate. */
    public static final double MIN_SHARE = 0.5;
    /** Share needed when the board saw only EOFs or resets after its certificate (no alert, no client verdict). */
    public static final double MIN_SHARE_WITHOUT_ALERT = 0.8;
    /** Connections needed when the board saw only EOFs or resets. */
    public static final int MIN_ABORTS = 2;

    /** How the rejection showed. Declared strongest first. */
    enum Sign {
        CLIENT_VERDICT("client rejected the chain"),
        ALERT("client sent a certificate alert"),
        ABORT("client ended the handshake without an alert after the certificate");

        final String text;

        Sign(String text) {
            this.text = text;
        }
    }

    record Rejection(ConnectionFacts connection, Sign sign, List<DeviceEvent> lines) {
    }

    @Override
    public String name() {
        return "certificate-rejected";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> attempted = evidence.connections().stream()
                .filter(c -> c.outcome() != Outcome.REFUSED).toList();
        List<Rejection> rejections = new ArrayList<>();
        for (ConnectionFacts c : attempted) {
            classify(c).ifPresent(rejections::add);
        }
        boolean named = rejections.stream().anyMatch(r -> r.sign() != Sign.ABORT);
        // An abort before the board even sent its certificate only counts next to rejections that
        // name the certificate (Chromium resets the connection it opened alongside the rejected one).
        List<Rejection> counted = rejections.stream()
                .filter(r -> r.sign() != Sign.ABORT || named || reachedCertificate(r.connection())).toList();
        long aborts = counted.stream().filter(r -> r.sign() == Sign.ABORT).count();
        double share = attempted.isEmpty() ? 0 : (double) counted.size() / attempted.size();
        boolean fires = named ? share >= MIN_SHARE : aborts >= MIN_ABORTS && share >= MIN_SHARE_WITHOUT_ALERT;
        if (!fires) {
            return List.of();
        }

        Optional<ChainFacts> chain = attempted.stream().filter(c -> !c.client().peerChain().isEmpty()).findFirst()
                .flatMap(c -> ChainFacts.of(c.client().peerChain(), c.client().start()));
        Optional<String> clientReason = mostCommon(counted.stream()
                .filter(r -> r.sign() == Sign.CLIENT_VERDICT && r.connection().client().outcomeDetail() != null)
                .map(r -> r.connection().client().outcomeDetail()).toList());
        ChainFacts.Reason reason = chain.flatMap(ChainFacts::reason)
                .or(() -> clientReason.flatMap(ChainFacts::fromClientDetail))
                .or(() -> alertReason(counted))
                .orElse(ChainFacts.Reason.OTHER);

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("handshakes rejected", Examples.ratio(counted.size(), attempted.size()));
        facts.put("how the board saw it", signatures(counted));
        clientReason.ifPresent(r -> facts.put("client reason", r));
        chain.flatMap(ChainFacts::problem).ifPresent(p -> facts.put("certificate", p));
        chain.ifPresent(c -> facts.put("chain sent", c.length() + " certificate(s), leaf " + c.leafSubject()));
        attempted.stream().filter(c -> !c.client().peerChain().isEmpty()).findFirst()
                .flatMap(c -> doctorSays(c.client().peerChain(), c.client().start(),
                        evidence.spec() == null ? null : evidence.spec().trust()))
                .ifPresent(d -> facts.put("certificate doctor", d));
        if (evidence.captured()) {
            facts.put("on the wire", onTheWire(counted));
        }

        String what = chain.flatMap(ChainFacts::problem).orElse(clientReason.orElse(signatures(counted)));
        String rootCause = "Clients reject the board's certificate (" + what + "): " + counted.size() + " of "
                + attempted.size() + " connections ended in the TLS handshake right after the board sent its certificate.";
        double confidence = (named ? 0.95 : 0.8) * (0.5 + 0.5 * share);
        return List.of(new Finding(name(), rootCause, confidence, facts, examples(counted), reason.fix)
                .explaining(counted.stream().map(Rejection::connection).toList()));
    }

    static Optional<Rejection> classify(ConnectionFacts c) {
        if (c.outcome() == Outcome.OK || c.outcome() == Outcome.HOSTNAME_MISMATCH || c.outcome() == Outcome.TIMEOUT) {
            // A hostname mismatch is its own finding; a timeout means the client gave up waiting.
            return Optional.empty();
        }
        Optional<DeviceEvent> alert = Signatures.certificateAlert(c);
        Optional<DeviceEvent> ending = c.first(EventType.HANDSHAKE_FAILED).or(() -> Signatures.handshakeAbort(c));
        if (c.outcome() == Outcome.CERT_REJECTED) {
            return Optional.of(new Rejection(c, Sign.CLIENT_VERDICT, cite(c, alert.orElse(null), ending.orElse(null))));
        }
        // The wire shows the alert even when the board, still writing its flight, only saw the reset after it.
        if (alert.isPresent() || WireSigns.clientCertificateAlert(c).isPresent()) {
            return Optional.of(new Rejection(c, Sign.ALERT, cite(c, alert.orElse(null), ending.orElse(null))));
        }
        Optional<DeviceEvent> abort = Signatures.handshakeAbort(c);
        if (abort.isPresent() && c.device().stream().anyMatch(e -> e.type() == EventType.HANDSHAKE_START
                || e.type() == EventType.STATE)) {
            return Optional.of(new Rejection(c, Sign.ABORT, cite(c, null, abort.get())));
        }
        return Optional.empty();
    }

    private static boolean reachedCertificate(ConnectionFacts c) {
        return Signatures.certificateSent(c) || !Signatures.statesLogged(c);
    }

    private static List<DeviceEvent> cite(ConnectionFacts c, DeviceEvent alert, DeviceEvent ending) {
        DeviceEvent anchor = alert != null ? alert : ending;
        DeviceEvent state = anchor == null ? null : Signatures.lastStateBefore(c, anchor).orElse(null);
        List<DeviceEvent> lines = Signatures.lines(state, alert, ending);
        return lines.isEmpty() ? c.troubleLines(3) : lines;
    }

    /** The doctor's trust check: its verdict depends on the store, so it ranks after the chain's own faults. */
    private static final String DOCTOR_TRUST_CHECK = "trust";

    /**
     * The certificate doctor's errors on the chain as the client received it, most specific first: a
     * constraint or name problem explains more than "not trusted by the system store".
     */
    /**
     * The certificate doctor's errors for the chain, judged against what the campaign's clients trusted
     * (the system store when the journal does not say; an SPKI pin gives it nothing to judge trust by).
     */
    private static Optional<String> doctorSays(List<String> pemChain, java.time.Instant at, Trust trust) {
        boolean bareSpkiPin = trust != null && trust.kind() == Trust.Kind.PINNED && trust.anchors().isEmpty();
        boolean judgeTrust = !bareSpkiPin;
        return ChainFacts.parse(pemChain).map(certs -> {
                    DoctorInput.Builder input = DoctorInput.builder("the chain the board sent", certs).clientTime(at);
                    if (trust != null && !bareSpkiPin) {
                        input.trust(trust);
                    }
                    return CertDoctor.standard().examine(input.build());
                })
                .flatMap(report -> {
                    List<io.hilharness.certs.doctor.Finding> errors = report.findings().stream()
                            .filter(f -> f.severity() == Severity.ERROR)
                            .filter(f -> judgeTrust || !f.check().equals(DOCTOR_TRUST_CHECK))
                            .sorted(java.util.Comparator.comparing(f -> f.check().equals(DOCTOR_TRUST_CHECK) ? 1 : 0))
                            .limit(3).toList();
                    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.stream()
                            .map(f -> (f.cert() == null || f.message().startsWith("#") ? "" : "#" + f.cert() + " ")
                                    + f.message())
                            .collect(java.util.stream.Collectors.joining("; ")));
                });
    }

    private static Optional<ChainFacts.Reason> alertReason(List<Rejection> rejections) {
        return rejections.stream().map(r -> Signatures.certificateAlert(r.connection()))
                .flatMap(Optional::stream).findFirst()
                .flatMap(a -> switch (a.alertDescription()) {
                    case 45 -> Optional.of(ChainFacts.Reason.EXPIRED);
                    case 48 -> Optional.of(ChainFacts.Reason.UNTRUSTED);
                    default -> Optional.<ChainFacts.Reason>empty();
                });
    }

    /** e.g. "alert 46 certificate_unknown: 20, EOF (-0x7280): 10". */
    private static String signatures(List<Rejection> rejections) {
        Map<String, Long> counts = new TreeMap<>();
        for (Rejection r : rejections) {
            ConnectionFacts c = r.connection();
            Optional<DeviceEvent> alert = Signatures.certificateAlert(c);
            Optional<DeviceEvent> abort = Signatures.handshakeAbort(c);
            String key = alert.map(a -> "alert " + a.alertDescription() + " " + a.alertName())
                    .or(() -> abort.map(a -> (a.code() == Signatures.CONN_EOF ? "EOF" : "peer reset or receive failure")
                            + " (" + a.codeHex() + ")"))
                    .or(() -> c.first(EventType.HANDSHAKE_FAILED).map(f -> "handshake failed " + f.codeHex()))
                    .orElse("no board log for the connection");
            counts.merge(key, 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static List<EvidenceItem> examples(List<Rejection> rejections) {
        // One example of each way the rejection showed, then others from other boots. Of each way, the first
        // the board logged too: its side of the handshake is what a reader wants beside the client's.
        List<Rejection> picked = new ArrayList<>();
        for (Sign sign : Sign.values()) {
            rejections.stream().filter(r -> r.sign() == sign).min(Comparator.comparing(r -> r.lines().isEmpty()))
                    .ifPresent(picked::add);
        }
        List<ConnectionFacts> more = Examples.spread(rejections.stream().filter(r -> !picked.contains(r))
                .filter(r -> picked.stream().noneMatch(p -> p.connection().boot() == r.connection().boot()))
                .map(Rejection::connection).toList(), Math.max(0, Examples.MAX - picked.size()));
        rejections.stream().filter(r -> more.contains(r.connection())).forEach(picked::add);
        return picked.stream().limit(Examples.MAX)
                .map(r -> EvidenceItem.of(r.connection(), r.sign().text, r.lines()).withWire(wireRefs(r.connection())))
                .toList();
    }

    /** The board's Certificate message and the client's alert about it, as captured. */
    private static List<WireRef> wireRefs(ConnectionFacts c) {
        List<WireRef> refs = new ArrayList<>();
        c.onWire().ifPresent(w -> {
            w.certificateRecord().ifPresent(r -> refs.add(WireRef.of(w, r)));
            WireSigns.clientCertificateAlert(c).ifPresent(r -> refs.add(WireRef.of(w, r)));
            if (WireSigns.clientCertificateAlert(c).isEmpty()) {
                WireRef.close(w).ifPresent(refs::add);
            }
        });
        return refs;
    }

    /** e.g. "client sent fatal alert 46 certificate_unknown in 8 of 8 rejected handshakes (tcp.stream 0, 1, 2)". */
    private static String onTheWire(List<Rejection> rejections) {
        List<ConnectionFacts> captured = rejections.stream().map(Rejection::connection).filter(c -> c.onWire().isPresent()).toList();
        Map<String, List<Integer>> alerts = new TreeMap<>();
        for (ConnectionFacts c : captured) {
            WireSigns.clientCertificateAlert(c).ifPresent(r -> alerts.computeIfAbsent(r.describe(), k -> new ArrayList<>())
                    .add(c.wire().stream()));
        }
        if (alerts.isEmpty()) {
            return "no certificate alert from the client in " + captured.size() + " captured rejected handshake(s)";
        }
        return alerts.entrySet().stream().map(e -> "client sent " + e.getKey() + " in " + e.getValue().size() + " of "
                        + captured.size() + " captured rejected handshakes (tcp.stream " + e.getValue().stream().limit(5)
                        .map(String::valueOf).collect(Collectors.joining(", ")) + (e.getValue().size() > 5 ? ", ..." : "") + ")")
                .collect(Collectors.joining("; "));
    }

    private static Optional<String> mostCommon(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey);
    }
}
