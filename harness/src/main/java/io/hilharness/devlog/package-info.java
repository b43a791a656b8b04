/**
 * Device log parsing: console lines from the board become {@link io.hilharness.devlog.DeviceEvent}s.
 *
 * <p>A {@link io.hilharness.devlog.LogFormat} splits a line's prefix (board or mbedTLS native
 * format); {@code MessageClassifier} recognises the reference firmware's, mbedTLS 2.28's and lwIP's
 * message texts by the rules declared once in {@code LineRules};
 * {@link io.hilharness.devlog.DeviceLogParser} ties them together and tracks the boot number.
 * {@link io.hilharness.devlog.MbedtlsErrors}, {@link io.hilharness.devlog.TlsAlerts} and
 * {@link io.hilharness.devlog.HandshakeStates} decode numbers into names.
 *
 * <p>Device output is untrusted: nothing here throws on line content, and every line yields an event.
 */
package io.hilharness.devlog;
