package io.hilharness.diagnose.rules;

import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate is trusted but names another host than the one clients dial. Clients check the
 * name after the handshake, so the board sees a completed handshake and then the client closing
 * (close_notify, -0x7880) before any request: recognised from that shape or from the client's verdict.
 */
public final class HostnameMismatchRule implements DiagnosisRule {
    /** Share of connections that must show the mismatch when the client named it. */
    public static final double MIN_SHARE = 0.5;
    /** Share needed when only the board's log shows it (handshake done, closed before any request). */
    public static final double MIN_SHARE_DEVICE_ONLY = 0.8;
    /** Connections needed when only the board's log shows it. */
    public static final int MIN_DEVICE_ONLY = 2;

    @Override
    public String name() {
        return "hostname-mismatch";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        List<ConnectionFacts> attempted = evidence.connections().stream()
                .filter(c -> c.outcome() != Outcome.REFUSED).toList();
        List<ConnectionFacts> verdicts = new ArrayList<>();
        List<ConnectionFacts> closedBeforeRequest = new ArrayList<>();
        for (ConnectionFacts c : attempted) {
            if (c.outcome() == Outcome.HOSTNAME_MISMATCH) {
                verdicts.add(c);
            } else if (c.failed() && c.outcome() != Outcome.TIMEOUT && closedBeforeAnyRequest(c)) {
                closedBeforeRequest.add(c);
            }
        }
        int total = verdicts.size() + closedBeforeRequest.size();
        double share = attempted.isEmpty() ? 0 : (double) total / attempted.size();
        boolean fires = !verdicts.isEmpty() ? share >= MIN_SHARE
                : closedBeforeRequest.size() >= MIN_DEVICE_ONLY && share >= MIN_SHARE_DEVICE_ONLY;
        if (!fires) {
            return List.of();
        }
        List<ConnectionFacts> all = new ArrayList<>(verdicts);
        all.addAll(closedBeforeRequest);
        ConnectionFacts first = all.get(0);
        String dialled = first.client().remote();
        Optional<String> names = certificateNames(first.client().peerChain());

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("connections", Examples.ratio(total, attempted.size()) + " completed the handshake and closed before any request");
        facts.put("client verdicts", String.valueOf(verdicts.size()));
        if (dialled != null) {
            facts.put("address dialled", dialled);
        }
        names.ifPresent(n -> facts.put("names in the certificate", n));
        String rootCause = "The board's certificate does not name the address clients connect to"
                + (dialled != null ? " (" + dialled + ")" : "") + names.map(n -> "; it names " + n).orElse("")
                + ": " + total + " of " + attempted.size() + " connections completed the TLS handshake and then the "
                + "client closed it before sending a request.";
        List<EvidenceItem> items = Examples.spread(all).stream().map(c -> EvidenceItem.of(c,
                "handshake completed, then the client closed before any request", cite(c))).toList();
        String fix = "Reissue the server certificate with a subjectAltName for exactly what clients dial "
                + "(IP:<address> for an address, DNS:<name> for a name; the CN is not checked), or make clients use that name.";
        double confidence = (verdicts.isEmpty() ? 0.8 : 0.95) * (0.5 + 0.5 * share);
        return List.of(new Finding(name(), rootCause, confidence, facts, items, fix).explaining(all));
    }

    private static boolean closedBeforeAnyRequest(ConnectionFacts c) {
        if (!c.has(EventType.HANDSHAKE_DONE) || c.has(EventType.HTTP_REQUEST)) {
            return false;
        }
        return c.device().stream().anyMatch(e -> e.type() == EventType.CLOSE_NOTIFY_RECEIVED
                || (e.code() != null && e.code() == Signatures.PEER_CLOSE_NOTIFY)
                || (e.type() == EventType.CONNECTION_CLOSED && "close notify".equals(e.detail())));
    }

    private static List<DeviceEvent> cite(ConnectionFacts c) {
        DeviceEvent done = c.first(EventType.HANDSHAKE_DONE).orElse(null);
        DeviceEvent close = c.first(EventType.CLOSE_NOTIFY_RECEIVED).orElse(null);
        DeviceEvent closed = c.first(EventType.CONNECTION_CLOSED).orElse(null);
        return Signatures.lines(done, close, closed);
    }

    /** The subjectAltNames of the leaf, e.g. "IP 127.0.0.2, DNS board.local". */
    private static Optional<String> certificateNames(List<String> pemChain) {
        if (pemChain.isEmpty()) {
            return Optional.empty();
        }
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(pemChain.get(0).getBytes(StandardCharsets.US_ASCII)));
            if (leaf.getSubjectAlternativeNames() == null) {
                return Optional.of("no subjectAltName (only " + leaf.getSubjectX500Principal().getName() + ")");
            }
            List<String> names = new ArrayList<>();
            for (List<?> san : leaf.getSubjectAlternativeNames()) {
                int kind = (Integer) san.get(0);
                names.add((kind == 7 ? "IP " : kind == 2 ? "DNS " : "name ") + san.get(1));
            }
            return Optional.of(String.join(", ", names));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
