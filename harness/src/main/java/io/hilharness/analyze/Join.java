package io.hilharness.analyze;

/**
 * A client connection joined with a device session.
 *
 * @param confidence 1.0 for a port match; less for a join by order, see {@link OrderJoiner}
 * @param reason     why the joiner paired them, for people
 */
public record Join(ClientConnection client, SessionSummary session, double confidence, String reason) {
}
