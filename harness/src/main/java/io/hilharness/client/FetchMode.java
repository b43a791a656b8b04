package io.hilharness.client;

/** How the requests of one round are spread over connections. */
public enum FetchMode {
    /** One after another, each on a new connection (Connection: close). */
    SEQUENTIAL,
    /** One after another on one kept-alive connection (a new one only if the previous one died). */
    KEEPALIVE,
    /** Browser-like: all at once, each on its own new connection, at most maxParallel open at a time. */
    PARALLEL
}
