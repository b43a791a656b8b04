/**
 * The private network namespace a board on a TAP interface (the lwIP board) lives in, with every client
 * of its campaign: {@link io.hilharness.netns.PrivateNetwork} re-executes the harness inside one it
 * creates, {@link io.hilharness.netns.TapInterfaces} adds a tap per board, and
 * {@link io.hilharness.netns.NetworkScope} is the one place that decides which board addresses the
 * harness may reach (loopback, or an address inside that namespace). No packet leaves the namespace;
 * it dies with the process.
 */
package io.hilharness.netns;
