package io.hilharness.capture;

import io.hilharness.devlog.TlsAlerts;
import java.time.Instant;
import java.util.List;

/**
 * One TCP segment that carried TLS records, as tshark decoded it. A segment often carries a whole
 * flight (ServerHello, Certificate, ServerKeyExchange, ServerHelloDone in one go), hence the lists.
 *
 * @param direction      which way it went
 * @param time           capture time
 * @param contentTypes   TLS record content types in order (20 CCS, 21 alert, 22 handshake, 23 data)
 * @param handshakeTypes handshake message types in order (1 ClientHello, 2 ServerHello, 11 Certificate, ...)
 * @param alertLevel     1 warning, 2 fatal; null when no readable alert (an encrypted alert shows as type 21 only)
 * @param alertDescription the alert number (46 certificate_unknown, 48 unknown_ca, ...); null when none readable
 * @param frame          the frame number in the pcapng (Wireshark's "No."); null in wire.json of older runs
 */
public record WireRecord(Direction direction, Instant time, List<Integer> contentTypes, List<Integer> handshakeTypes,
                         Integer alertLevel, Integer alertDescription, Integer frame) {
    public static final int ALERT = 21;
    public static final int CERTIFICATE = 11;

    public WireRecord {
        contentTypes = List.copyOf(contentTypes);
        handshakeTypes = List.copyOf(handshakeTypes);
    }

    /** What the segment carried, in words: "ServerHello, Certificate, ..." or "fatal alert 46 certificate_unknown". */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        handshakeTypes.forEach(t -> parts.add(WireNames.handshake(t)));
        if (isAlert()) {
            String level = alertLevel == null ? null : TlsAlerts.level(alertLevel);
            String name = alertDescription == null ? null : TlsAlerts.name(alertDescription);
            parts.add(alertDescription == null ? "alert (encrypted)"
                    : (level == null ? "" : level + " ") + "alert " + alertDescription + (name == null ? "" : " " + name));
        }
        contentTypes.stream().filter(t -> t != ALERT && t != WireNames.HANDSHAKE).distinct()
                .forEach(t -> parts.add(WireNames.contentType(t)));
        return String.join(", ", parts);
    }

    /** A Certificate handshake message (11) is in this segment. */
    public boolean hasCertificate() {
        return handshakeTypes.contains(CERTIFICATE);
    }

    public boolean isAlert() {
        return contentTypes.contains(ALERT);
    }
}
