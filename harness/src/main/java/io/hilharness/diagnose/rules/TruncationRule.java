package io.hilharness.diagnose.rules;

import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.Evidence;
import io.hilharness.diagnose.EvidenceItem;
import io.hilharness.diagnose.Finding;
import io.hilharness.diagnose.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Truncation correlated with response size: large responses arrive short, small ones whole. A body
 * counts as short when the client classified it TRUNCATED, or when it read fewer bytes than the
 * announced Content-Length before the exchange ended (a kept-alive connection then times out instead).
 * Typical cause: a write path that ignores a partial {@code mbedtls_ssl_write}.
 */
public final class TruncationRule implements DiagnosisRule {
    /** Exchanges of smaller responses needed to show that size matters (else the finding is less certain). */
    public static final int MIN_SMALL_EXCHANGES = 5;
    /** At most this share of the smaller responses may be short. */
    public static final double MAX_RATE_SMALL = 0.05;
    /** Significance of "large responses are cut more often" (one-sided Fisher exact test). */
    public static final double ALPHA = 0.01;

    record Sized(ConnectionFacts connection, Exchange exchange, long size, boolean shortBody) {
    }

    @Override
    public String name() {
        return "truncation";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        Map<String, Long> sizeByPath = sizes(evidence);
        List<Sized> exchanges = new ArrayList<>();
        for (ConnectionFacts c : evidence.connections()) {
            for (Exchange e : c.client().exchanges()) {
                Long size = e.contentLength() != null ? e.contentLength() : sizeByPath.get(e.path());
                if (size != null && (e.httpStatus() != null || e.outcome() == Outcome.TRUNCATED)) {
                    exchanges.add(new Sized(c, e, size, isShort(e)));
                }
            }
        }
        List<Sized> cut = exchanges.stream().filter(Sized::shortBody).toList();
        if (cut.isEmpty()) {
            return List.of();
        }
        long threshold = cut.stream().mapToLong(Sized::size).min().orElseThrow();
        List<Sized> large = exchanges.stream().filter(s -> s.size() >= threshold).toList();
        List<Sized> small = exchanges.stream().filter(s -> s.size() < threshold).toList();
        long smallCut = small.stream().filter(Sized::shortBody).count();
        if (!small.isEmpty() && (double) smallCut / small.size() > MAX_RATE_SMALL) {
            return List.of();
        }
        double p = Statistics.fisherExactGreater(cut.size(), large.size() - cut.size(), smallCut, small.size() - smallCut);
        boolean sizeShown = small.size() >= MIN_SMALL_EXCHANGES && p < ALPHA;

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("short bodies by path", exchanges.stream().collect(Collectors.groupingBy(s -> s.exchange().path(),
                        TreeMap::new, Collectors.toList())).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().get(0).size() + " bytes): "
                        + e.getValue().stream().filter(Sized::shortBody).count() + "/" + e.getValue().size())
                .collect(Collectors.joining(", ")));
        facts.put("received of announced (examples)", cut.stream().limit(Examples.MAX)
                .map(s -> s.exchange().bytesReceived() + " of " + s.size()).collect(Collectors.joining(", ")));
        if (!small.isEmpty()) {
            facts.put("Fisher exact test (one-sided)", "p = " + Statistics.formatP(p));
        }
        long boardClaimedAll = cut.stream().filter(s -> boardLoggedWhole(s)).count();
        if (boardClaimedAll > 0) {
            facts.put("board logged the whole response as sent", Examples.ratio(boardClaimedAll, cut.size()));
        }
        String smallText = small.isEmpty() ? "no smaller response was fetched to compare"
                : "responses under " + threshold + " bytes arrived whole (" + (small.size() - smallCut) + " of " + small.size() + ")";
        String rootCause = "Large responses are cut short: " + cut.size() + " of " + large.size() + " responses of "
                + threshold + " bytes or more arrived incomplete, while " + smallText
                + (boardClaimedAll > 0 ? "; the board logged them as fully sent, so bytes are lost in its write path." : ".");
        List<EvidenceItem> items = new ArrayList<>();
        for (ConnectionFacts c : Examples.spread(cut.stream().map(Sized::connection).distinct().toList())) {
            Sized s = cut.stream().filter(x -> x.connection() == c).findFirst().orElseThrow();
            List<DeviceEvent> lines = c.device().stream().filter(e -> e.type() == EventType.RESPONSE_SENT
                    || e.type() == EventType.TLS_IO_ERROR || e.type() == EventType.CONNECTION_CLOSED).limit(4).toList();
            items.add(EvidenceItem.of(c, s.exchange().path() + ": received " + s.exchange().bytesReceived() + " of "
                    + s.size() + " bytes", lines));
        }
        String fix = "Write every response completely: loop over mbedtls_ssl_write until all bytes are written, "
                + "continuing after a partial write (a positive return smaller than the length) and retrying on "
                + "MBEDTLS_ERR_SSL_WANT_WRITE/WANT_READ, and close the connection only after the last byte went out.";
        return List.of(new Finding(name(), rootCause, sizeShown ? 0.9 : 0.7, facts, items, fix)
                .explaining(cut.stream().map(Sized::connection).toList()));
    }

    private static boolean isShort(Exchange e) {
        return e.outcome() == Outcome.TRUNCATED
                || (e.contentLength() != null && e.bytesReceived() < e.contentLength() && e.outcome() != Outcome.OK);
    }

    /** Response sizes by path as the board logged them, for exchanges that got no Content-Length. */
    private static Map<String, Long> sizes(Evidence evidence) {
        Map<String, Long> sizes = new TreeMap<>();
        evidence.connections().stream().flatMap(c -> c.device().stream())
                .filter(e -> e.type() == EventType.RESPONSE_SENT && e.path() != null && e.bytes() != null)
                .forEach(e -> sizes.merge(e.path(), e.bytes(), Math::max));
        return sizes;
    }

    private static boolean boardLoggedWhole(Sized s) {
        return s.connection().device().stream().anyMatch(e -> e.type() == EventType.RESPONSE_SENT
                && Objects.equals(e.path(), s.exchange().path()) && e.bytes() != null && e.bytes() >= s.size());
    }
}
