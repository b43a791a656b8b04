package io.hilharness.diagnose.rules;

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
import io.hilharness.run.BootRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The board refuses handshakes because of its own certificate or key: mbedTLS picks a certificate per
 * cipher suite and skips one whose (extended) key usage does not allow a server, whose key type no
 * enabled suite uses, or whose curve the build lacks; with nothing left it logs {@code got ciphersuites
 * in common, but none of them usable} or {@code got no ciphersuites in common}, fails the handshake with
 * {@code -0x6980} (MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE) and sends the client a fatal
 * handshake_failure alert before any certificate. A key that does not match the certificate stops the
 * reference board at boot ({@code private key does not match certificate}).
 *
 * <p>The certificate doctor then examines the chain and key of the image the run names
 * ({@link ImageOfRun}) and names the problem.
 */
public final class CertificateUnusableRule implements DiagnosisRule {
    /** mbedTLS 2.28 MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE. */
    static final int NO_USABLE_CIPHERSUITE = -0x6980;
    /**
     * Share of the attempted handshakes the board must refuse. A certificate the board cannot use fails
     * every handshake; refusals that stop (a certificate loaded late after boot) are {@code boot-window}'s.
     */
    public static final double MIN_SHARE = 0.5;

    /** The doctor's checks that say why a server will not use its own certificate, most telling first. */
    private static final List<String> SERVER_SIDE_CHECKS = List.of("key", "constraints", "algorithms");

    private static final List<String> REFUSAL_TEXTS = List.of("none of them usable", "no ciphersuites in common",
            "no suitable certificate", "does not match certificate", "key does not match");

    @Override
    public String name() {
        return "certificate-unusable";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> attempted = evidence.connections().stream().filter(c -> c.outcome() != Outcome.REFUSED).toList();
        List<ConnectionFacts> byBoard = attempted.stream().filter(c -> c.failed() && boardRefusal(c).isPresent()).toList();
        List<ConnectionFacts> byAlert = attempted.stream()
                .filter(c -> c.outcome() == Outcome.SERVER_ALERT && c.client().peerChain().isEmpty() && boardRefusal(c).isEmpty())
                .toList();
        List<BootRecord> keyBoots = evidence.boots().stream()
                .filter(b -> !b.ready() && b.failure() != null && b.failure().contains("does not match")).toList();
        List<ConnectionFacts> refused = new ArrayList<>(byBoard);
        refused.addAll(byAlert);
        refused.sort(Comparator.comparingInt(ConnectionFacts::boot).thenComparingInt(ConnectionFacts::indexSinceBoot));
        boolean persistent = !refused.isEmpty() && (double) refused.size() / attempted.size() >= MIN_SHARE;
        if (keyBoots.isEmpty() && !persistent) {
            return List.of();
        }
        Optional<ImageOfRun> image = ImageOfRun.of(evidence);
        List<io.hilharness.certs.doctor.Finding> problems = image.map(CertificateUnusableRule::doctor).orElse(List.of());
        // Alerts alone (a board that logs nothing about them) could have other causes: they count when the doctor names one.
        if (byBoard.isEmpty() && keyBoots.isEmpty() && problems.isEmpty()) {
            return List.of();
        }

        Map<String, String> facts = new LinkedHashMap<>();
        if (!refused.isEmpty()) {
            facts.put("handshakes the board refused", Examples.ratio(refused.size(), attempted.size()));
            facts.put("how", how(refused));
        }
        if (!keyBoots.isEmpty()) {
            facts.put("boots stopped by a key that does not match", keyBoots.stream().map(b -> String.valueOf(b.boot()))
                    .collect(Collectors.joining(", ")));
        }
        image.ifPresentOrElse(i -> facts.put("image examined", i.chainFile() + " and its key"
                        + (i.sameAsRun() ? "" : " (not shown to be the build the run used: it may have been rebuilt since)")),
                () -> facts.put("image examined", "none: image '" + evidence.image() + "' is not built on this machine"));
        if (!problems.isEmpty()) {
            facts.put("certificate doctor", problems.stream().map(CertificateUnusableRule::describe)
                    .collect(Collectors.joining("; ")));
        }

        String what = problems.isEmpty() ? "the certificate doctor finds nothing the board could object to in "
                + (image.isPresent() ? "the image's chain and key" : "what it could read") + "; compare the cipher suites "
                + "the clients offer with those the board's mbedTLS configuration enables"
                : describe(problems.get(0));
        String refusedText = refused.isEmpty() ? "" : ": the board refused " + refused.size() + " of " + attempted.size()
                + " handshakes before sending any certificate (" + how(refused) + ")";
        String bootText = keyBoots.isEmpty() ? "" : (refused.isEmpty() ? ": " : "; ") + keyBoots.size()
                + " boot(s) stopped because the private key does not match the certificate";
        String rootCause = "The board will not use its own certificate" + (problems.isEmpty() ? "" : " (" + what + ")")
                + refusedText + bootText + (problems.isEmpty() ? "; " + what : "") + ".";
        String fix = problems.isEmpty()
                ? "Enable in the board's mbedTLS configuration a cipher suite for the certificate's key type (ECDHE-ECDSA "
                + "for an EC key, ECDHE-RSA for RSA) and its curve, and check that the clients offer it."
                : Optional.ofNullable(problems.get(0).fix()).orElse("re-issue the server certificate")
                + " (a server leaf needs extendedKeyUsage serverAuth, keyUsage digitalSignature, a key type and curve "
                + "the board's mbedTLS configuration has a cipher suite for, and the private key made with it).";

        List<EvidenceItem> items = new ArrayList<>();
        for (ConnectionFacts c : Examples.spread(refused)) {
            List<DeviceEvent> lines = c.device().stream().filter(e -> boardRefusal(e) || e.type() == EventType.CONNECTION_CLOSED)
                    .limit(3).toList();
            items.add(EvidenceItem.of(c, "the board refused the handshake before sending its certificate",
                    lines.isEmpty() ? c.troubleLines(3) : lines));
        }
        keyBoots.stream().limit(1).forEach(b -> items.add(EvidenceItem.ofDevice(b.boot(), b.failure(), List.of())));
        double confidence = problems.isEmpty() ? 0.7 : image.get().sameAsRun() ? 0.95 : 0.85;
        return List.of(new Finding(name(), rootCause, confidence, facts, items, fix).explaining(refused));
    }

    /** The board's own line saying it cannot use its certificate (or a handshake failed for want of a usable suite). */
    private static Optional<DeviceEvent> boardRefusal(ConnectionFacts c) {
        return c.device().stream().filter(CertificateUnusableRule::boardRefusal).findFirst();
    }

    private static boolean boardRefusal(DeviceEvent e) {
        if (e.code() != null && e.code() == NO_USABLE_CIPHERSUITE
                && (e.type() == EventType.HANDSHAKE_FAILED || e.type() == EventType.DEBUG_RETURN)) {
            return true;
        }
        String text = (e.message() != null ? e.message() : e.raw() == null ? "" : e.raw()).toLowerCase(Locale.ROOT);
        return REFUSAL_TEXTS.stream().anyMatch(text::contains);
    }

    /** e.g. "board logged 'got ciphersuites in common, but none of them usable': 4, server alert only: 2". */
    private static String how(List<ConnectionFacts> refused) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ConnectionFacts c : refused) {
            String key = boardRefusal(c).map(e -> "board logged '" + (e.message() != null ? e.message() : e.raw()) + "'")
                    .orElse("fatal alert from the board (" + c.client().outcomeDetail() + "), no board line");
            counts.merge(key, 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The doctor's errors on the image's chain and key, those a server checks of its own certificate first. */
    private static List<io.hilharness.certs.doctor.Finding> doctor(ImageOfRun image) {
        DoctorInput input = DoctorInput.builder(image.chainFile().toString(), image.chain())
                .key(image.key(), image.keyFile()).build();
        Set<String> checks = Set.copyOf(SERVER_SIDE_CHECKS);
        return CertDoctor.standard().examine(input).findings().stream()
                // The board checks only its own leaf (and its key); a CA's fault is the clients' business.
                .filter(f -> f.severity() == Severity.ERROR && checks.contains(f.check())
                        && (f.check().equals("key") || Integer.valueOf(0).equals(f.cert())))
                .sorted(Comparator.comparingInt(f -> SERVER_SIDE_CHECKS.indexOf(f.check())))
                .toList();
    }

    private static String describe(io.hilharness.certs.doctor.Finding f) {
        return (f.cert() == null || f.message().startsWith("#") ? "" : "#" + f.cert() + " ") + f.message();
    }
}
