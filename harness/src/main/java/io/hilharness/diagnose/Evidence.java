package io.hilharness.diagnose;

import io.hilharness.capture.WireEvidence;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RoundRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's correlated evidence as the rules read it: the boots, and every connection with its
 * place in the campaign. Built from a finished campaign or from its journal, so a diagnosis can be
 * made again offline.
 *
 * @param spec null when the journal did not record it
 * @param wire the run's packet capture (wire.json); null when the run had none. Each connection's own
 *             stream is in {@link ConnectionFacts#wire()}.
 */
public record Evidence(String image, CampaignSpec spec, List<BootRecord> boots, List<RoundRecord> rounds,
                       List<ConnectionFacts> connections, WireEvidence wire) {
    public Evidence {
        boots = List.copyOf(boots);
        rounds = List.copyOf(rounds);
        connections = List.copyOf(connections);
    }

    public Evidence(String image, CampaignSpec spec, List<BootRecord> boots, List<RoundRecord> rounds,
                    List<ConnectionFacts> connections) {
        this(image, spec, boots, rounds, connections, null);
    }

    /** The campaign's evidence, with its packet capture when the run folder holds a readable wire.json. */
    public static Evidence of(CampaignResult result) {
        Evidence evidence = of(result.image(), result.spec(), result.boots(), result.rounds());
        return result.runDir() == null ? evidence : evidence.withWireOf(result.runDir());
    }

    /**
     * The same evidence with the run folder's wire.json joined to the connections (by client port, and
     * start time when a port came round again). Without wire.json, or with one that cannot be read,
     * the evidence stays as it was: the wire rules then have nothing to say, and the report's
     * Connections section already tells why there is no capture.
     */
    public Evidence withWireOf(Path runDir) {
        try {
            return WireEvidence.read(runDir).map(this::withWire).orElse(this);
        } catch (IOException unreadable) {
            return this;
        }
    }

    /** The same evidence with each connection joined to its stream in the capture (none when not captured). */
    public Evidence withWire(WireEvidence capture) {
        if (!capture.captured()) {
            return new Evidence(image, spec, boots, rounds, connections, capture);
        }
        List<ConnectionFacts> joined = connections.stream()
                .map(c -> c.port() > 0 ? c.withWire(capture.forConnection(c.port(), c.client().start()).orElse(null)) : c)
                .toList();
        return new Evidence(image, spec, boots, rounds, joined, capture);
    }

    /** Whether a packet capture was made and read back, so a rule may look at the wire. */
    public boolean captured() {
        return wire != null && wire.captured();
    }

    public static Evidence of(String image, CampaignSpec spec, List<BootRecord> boots, List<RoundRecord> rounds) {
        Map<Integer, Instant> readyAt = new HashMap<>();
        for (BootRecord b : boots) {
            if (b.resetAt() != null && b.readyMs() != null) {
                readyAt.put(b.boot(), b.resetAt().plusMillis(b.readyMs()));
            }
        }
        Map<CorrelatedConnection, RoundRecord> roundOf = new IdentityHashMap<>();
        rounds.forEach(r -> r.connections().forEach(c -> roundOf.put(c, r)));
        List<ConnectionFacts> facts = new ArrayList<>();
        for (ConnectionPlacement placed : ConnectionPlacement.of(rounds)) {
            ConnectionRecord client = placed.client();
            Instant ready = readyAt.get(placed.boot());
            Long sinceReady = ready == null || client.start() == null ? null
                    : Duration.between(ready, client.start()).toMillis();
            boolean withoutEnd = client.localPort() > 0
                    && roundOf.get(placed.connection()).sessionsWithoutEnd().contains(client.localPort());
            facts.add(new ConnectionFacts(placed, sinceReady, withoutEnd, null));
        }
        return new Evidence(image, spec, boots, rounds, facts);
    }

    public List<ConnectionFacts> failures() {
        return connections.stream().filter(ConnectionFacts::failed).toList();
    }

    public List<ConnectionFacts> ofBoot(int boot) {
        return connections.stream().filter(c -> c.boot() == boot).toList();
    }

    public List<BootRecord> readyBoots() {
        return boots.stream().filter(BootRecord::ready).toList();
    }

    /** Anything to explain: a failed connection or a boot that never got ready. */
    public boolean hasFailures() {
        return !failures().isEmpty() || boots.stream().anyMatch(b -> !b.ready());
    }
}
