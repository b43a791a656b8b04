package io.hilharness.capture;

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
 */
public record WireRecord(Direction direction, Instant time, List<Integer> contentTypes, List<Integer> handshakeTypes,
                         Integer alertLevel, Integer alertDescription) {
    public static final int ALERT = 21;

    public WireRecord {
        contentTypes = List.copyOf(contentTypes);
        handshakeTypes = List.copyOf(handshakeTypes);
    }

    public boolean isAlert() {
        return contentTypes.contains(ALERT);
    }
}
