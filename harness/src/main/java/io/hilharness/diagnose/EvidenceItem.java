package io.hilharness.diagnose;

import io.hilharness.devlog.DeviceEvent;
import java.util.List;

/**
 * One checkable piece of evidence for a finding: a connection (id, client port, boot, round), what
 * the client saw, why it is cited, and the device log lines that show it.
 *
 * @param connection   the connection id as in the journal and timeline, e.g. {@code b1r3c2}; null
 *                     for device-only evidence
 * @param port         the client's TCP source port, which the board logs
 * @param outcome      the client's outcome class
 * @param clientDetail the client's reason (PKIX message, exception), shortened
 * @param note         why this item supports the finding
 * @param deviceLines  the board's log lines that show it
 * @param wire         the packets in the run's capture that show it; empty without capture
 */
public record EvidenceItem(String connection, Integer port, Integer boot, Integer round, String outcome,
                           String clientDetail, String note, List<LogRef> deviceLines, List<WireRef> wire) {
    /** Longer client details (exception chains) are cut: the journal keeps them whole. */
    static final int MAX_DETAIL = 300;

    public EvidenceItem {
        deviceLines = List.copyOf(deviceLines);
        wire = wire == null ? List.of() : List.copyOf(wire);
    }

    public EvidenceItem(String connection, Integer port, Integer boot, Integer round, String outcome,
                        String clientDetail, String note, List<LogRef> deviceLines) {
        this(connection, port, boot, round, outcome, clientDetail, note, deviceLines, List.of());
    }

    /** The same item citing these packets of the capture too. */
    public EvidenceItem withWire(List<WireRef> packets) {
        return new EvidenceItem(connection, port, boot, round, outcome, clientDetail, note, deviceLines, packets);
    }

    public static EvidenceItem of(ConnectionFacts c, String note, List<DeviceEvent> lines) {
        String detail = c.client().outcomeDetail();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return new EvidenceItem(c.id(), c.port(), c.boot(), c.round(), c.outcome().name(), detail, note,
                LogRef.of(lines));
    }

    /** Device lines that belong to no connection of ours (or a boot-level observation). */
    public static EvidenceItem ofDevice(Integer boot, String note, List<DeviceEvent> lines) {
        return new EvidenceItem(null, null, boot, null, null, null, note, LogRef.of(lines));
    }
}
