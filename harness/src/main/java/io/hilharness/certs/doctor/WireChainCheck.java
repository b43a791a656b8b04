package io.hilharness.certs.doctor;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the server's Certificate message as a packet capture saw it with the chain examined, with
 * the chain each client recorded, and with the board's own hexdump of what it sent. The capture is
 * the referee: a client that recorded something else than was on the wire points at the client side
 * (an intercepting proxy, a cached chain), a hexdump that differs from the wire at the board's send
 * path, and a wire that differs from the file at the image that was flashed.
 */
final class WireChainCheck implements CertCheck {
    static final String ID = "wire";
    /** Streams listed per message; wire.json has them all. */
    private static final int MAX_STREAMS = 6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        if (input.wireChains().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, List<WireChain>> distinct = distinctMessages(input.wireChains());
        if (distinct.size() > 1) {
            findings.add(Finding.warning(ID, null, null, "the board sent " + distinct.size()
                            + " different Certificate messages in this capture: " + distinct.values().stream()
                            .map(g -> leafOf(g.get(0)) + " on " + streams(g)).collect(Collectors.joining("; ")),
                    "find out why the board's certificate changes (between boots, or between connections) and serve one chain"));
        }
        for (List<WireChain> group : distinct.values()) {
            List<X509Certificate> wire = group.get(0).onWire();
            String where = "the Certificate message on the wire (" + streams(group) + ")";
            Optional<String> vsExamined = ChainDifference.between(wire, "on the wire", input.chain(), "in the chain examined");
            if (vsExamined.isEmpty()) {
                findings.add(Finding.info(ID, null, null, where + " is the chain examined, byte for byte"));
            } else {
                findings.add(Finding.error(ID, ChainDifference.firstDifferent(wire, input.chain()), null,
                        where + " is not the chain examined: " + vsExamined.get(),
                        "flash the image whose certificate you examined, or examine the chain the board really sends (--capture alone)"));
            }
            input.deviceChain().ifPresent(dumped -> ChainDifference.between(wire, "on the wire", dumped, "in the board's hexdump")
                    .ifPresentOrElse(
                            d -> findings.add(Finding.error(ID, ChainDifference.firstDifferent(wire, dumped), null,
                                    where + " is not what the board's log says it sent: " + d,
                                    "the board's send path changes the message (a buffer reused or cut before it is written): "
                                            + "compare the dump and the capture of the same connection")),
                            () -> findings.add(Finding.info(ID, null, null, where + " is what the board's hexdump shows, byte for byte"))));
        }
        findings.addAll(clientsVersusWire(input.wireChains()));
        return findings;
    }

    private static List<Finding> clientsVersusWire(List<WireChain> chains) {
        List<WireChain> recorded = chains.stream().filter(c -> c.clientSaw() != null && !c.clientSaw().isEmpty()).toList();
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<WireChain> same = new ArrayList<>();
        for (WireChain c : recorded) {
            Optional<String> d = ChainDifference.between(c.onWire(), "on the wire", c.clientSaw(), "as the client recorded it");
            if (d.isPresent()) {
                findings.add(Finding.error(ID, ChainDifference.firstDifferent(c.onWire(), c.clientSaw()), null,
                        "the client of " + c.where() + " recorded another chain than the Certificate message on the wire: " + d.get(),
                        "something between the board and the client changes the chain (an intercepting proxy), or the "
                                + "client reports a cached chain: compare both in the capture"));
            } else {
                same.add(c);
            }
        }
        if (!same.isEmpty()) {
            findings.add(Finding.info(ID, null, null, "the chain the client recorded is the Certificate message on the wire, "
                    + "byte for byte, in " + same.size() + " of " + recorded.size() + " connections (" + streams(same) + ")"));
        }
        return findings;
    }

    /** Connections grouped by their Certificate message, byte for byte, in capture order. */
    private static Map<String, List<WireChain>> distinctMessages(List<WireChain> chains) {
        Map<String, List<WireChain>> groups = new LinkedHashMap<>();
        for (WireChain c : chains) {
            String key = c.onWire().stream().map(cert -> HexFormat.of().formatHex(ChainDifference.der(cert)))
                    .collect(Collectors.joining(","));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    private static String leafOf(WireChain c) {
        return c.onWire().isEmpty() ? "an empty chain" : "leaf " + ChainDifference.name(c.onWire().get(0));
    }

    private static String streams(List<WireChain> group) {
        return "tcp.stream " + group.stream().limit(MAX_STREAMS).map(c -> String.valueOf(c.stream()))
                .collect(Collectors.joining(", ")) + (group.size() > MAX_STREAMS ? ", ... " + group.size() + " in all" : "");
    }
}
