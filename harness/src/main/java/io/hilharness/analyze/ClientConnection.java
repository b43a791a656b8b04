package io.hilharness.analyze;

import java.time.Instant;

/**
 * The client side of a connection, as a campaign journal recorded it.
 *
 * @param id        the journal's connection id
 * @param boot      boot the campaign was in, or null
 * @param localPort client TCP source port (0 when unknown)
 * @param start     when the client started it
 * @param outcome   the client's outcome name ({@code OK}, {@code TLS_ALERT}, ...)
 */
public record ClientConnection(String id, Integer boot, int localPort, Instant start, String outcome) {
}
