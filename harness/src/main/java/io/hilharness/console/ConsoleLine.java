package io.hilharness.console;

import java.time.Instant;

/**
 * One framed line of console output.
 *
 * @param seq        line number in this console session, from 1, never reused (also across reconnects)
 * @param offset     byte offset of the line's first byte in the raw capture file, so evidence can point
 *                   at the exact bytes the board sent
 * @param hostTime   when the host received the line's last byte
 * @param text       decoded text without its line terminator; invalid UTF-8 becomes U+FFFD
 * @param truncated  true when the line hit the framer's length limit and was cut into pieces
 */
public record ConsoleLine(long seq, long offset, Instant hostTime, String text, boolean truncated) {
}
