/**
 * Wire evidence: an optional packet capture beside a campaign ({@link io.hilharness.capture.WireCapture}),
 * read back with tshark into one {@link io.hilharness.capture.WireConversation} per client source port,
 * stored as {@code wire.json} in the run folder. The capture only watches loopback traffic to the board;
 * without dumpcap/tshark or capture permission the campaign runs anyway and wire.json says why.
 */
package io.hilharness.capture;
