package io.hilharness.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One device-side session: what the board logged for one client connection.
 *
 * @param boot         boot number the session belongs to
 * @param key          how its lines were grouped: {@code port 49584}, or {@code ssl 0x7f1a3c000d50 #3}
 *                     (context pointer and the how-manieth use of it)
 * @param port         client TCP source port when the log has ports, else null
 * @param context      mbedTLS ssl context pointer when the log shows it, else null
 * @param firstSeq     console line number of its first line
 * @param lastSeq      console line number of its last line
 * @param firstOffset  byte offset of its first line in the capture
 * @param start        host receive time of its first line
 * @param end          host receive time of its last line
 * @param startDeviceMs device time of the first line, when the format has one
 * @param outcome      how it ended
 * @param alertName    description name of the fatal alert received, for ALERT_RECEIVED
 * @param code         the mbedTLS error code behind the outcome, or null
 * @param codeName     that code decoded (high- and low-level parts)
 * @param handshakeDone the handshake completed
 * @param requests     HTTP requests served, {@code GET /style.css} (first few)
 * @param signatureBytes ServerKeyExchange signature length, when dumped
 * @param lines        number of log lines in the session
 * @param bytesServed  bytes httpd handed to TLS for it (lwIP's {@code Sent N bytes}), when logged
 * @param endedBy      what ended it, in the words of the line that did ({@code closed by httpd},
 *                     {@code Connection reset.}, {@code TCP closed in FIN_WAIT_2}), or null
 * @param attribution  on an lwIP board: the least sure way one of its lines was tied to it
 *                     ({@code EXACT}, {@code POINTER}, {@code CONTEXT}, {@code AMBIGUOUS}); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionSummary(int boot, String key, Integer port, String context, long firstSeq, long lastSeq,
                             long firstOffset, Instant start, Instant end, Long startDeviceMs,
                             SessionOutcome outcome, String alertName, Integer code, String codeName,
                             boolean handshakeDone, List<String> requests, Long signatureBytes, long lines,
                             Long bytesServed, String endedBy, String attribution) {
    public SessionSummary {
        requests = List.copyOf(requests);
    }

    /** One line for people: {@code port 49590  ALERT_RECEIVED unknown_ca (-0x7780)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(key).append("  ").append(outcome);
        if (alertName != null) {
            sb.append(' ').append(alertName);
        }
        if (code != null) {
            sb.append(" (").append(io.hilharness.devlog.MbedtlsErrors.hex(code)).append(')');
        }
        if (!requests.isEmpty()) {
            sb.append("  ").append(String.join(", ", requests));
        }
        if (bytesServed != null) {
            sb.append("  ").append(bytesServed).append(" bytes sent");
        }
        if (endedBy != null) {
            sb.append("  ended: ").append(endedBy);
        }
        if (attribution != null) {
            sb.append("  [").append(attribution.toLowerCase(java.util.Locale.ROOT)).append(']');
        }
        return sb.toString();
    }
}
