package io.hilharness.devlog;

/**
 * A line split by a {@link LogFormat} into its prefix fields and the message. The message still
 * carries any {@code , port N} suffix; the classifier takes that off.
 *
 * @param format     name of the format that recognised the line
 * @param deviceMs   device timestamp, ms since boot, or null
 * @param severity   severity given by the prefix
 * @param file       source file basename, or null
 * @param line       source line number, or null
 * @param debugLevel mbedTLS debug level, or null
 * @param context    mbedTLS ssl context address, or null
 * @param message    text after the prefix (never null)
 */
public record LogLine(String format, Long deviceMs, Severity severity, String file, Integer line,
                      Integer debugLevel, String context, String message) {
}
