/**
 * The HTTPS client side of a test: {@link io.hilharness.client.HttpsDriver} fetches rounds of paths from
 * a board and returns one {@link io.hilharness.client.ConnectionRecord} per TCP connection, including
 * connections that failed in connect or handshake.
 *
 * <p>How a connection is tied to its request and to the board's log: every call gets its own socket
 * factory whose sockets bind (and so learn their source port) before connecting; the round's
 * {@code RoundLog} indexes open connections by that port; the trust manager wrapper and OkHttp's
 * connectionAcquired event hand back sockets, whose port finds the record. The board logs the same port.
 *
 * <p>Trust is the system store, a lab CA file, or a pinned key; a trust-all mode does not exist.
 */
package io.hilharness.client;
