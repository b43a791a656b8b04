/**
 * Offline analysis of a captured device log ({@code hil analyze}): streams the file through the
 * console's {@link io.hilharness.console.LineFramer} and the devlog parser, rebuilds the board's
 * TLS sessions ({@link io.hilharness.analyze.SessionTracker}) and, given a campaign journal, joins
 * them with the client's connections through a {@link io.hilharness.analyze.SessionJoiner}.
 * Memory stays flat: a session is handed on and forgotten as soon as its end boundary is seen.
 */
package io.hilharness.analyze;
