package io.hilharness.devlog;

import java.util.List;
import java.util.Locale;

/** Finds log formats by their configuration name. */
public final class LogFormats {

    public static final String AUTO = "auto";
    /** An lwIP board's output ({@link LwipFormat}). */
    public static final String LWIP = LwipFormat.NAME;

    private LogFormats() {
    }

    /** Names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of(BoardLogFormat.NAME, MbedtlsNativeFormat.NAME, LWIP, MbedTraceFormat.NAME,
                EspIdfFormat.NAME, AUTO);
    }

    /**
     * A fresh instance of every concrete format, in detection order. Wrapping formats (mbed-trace,
     * ESP-IDF, lwIP) come before mbedtls because their messages carry an mbedTLS prefix of their own.
     */
    public static List<LogFormat> all() {
        return List.of(new BoardLogFormat(), new MbedTraceFormat(), new EspIdfFormat(), LwipFormat.detecting(),
                new MbedtlsNativeFormat());
    }

    /** Auto-detection over user-defined formats (tried first) and the built-in ones. */
    public static AutoDetectFormat autoDetect(List<? extends LogFormat> userFormats) {
        List<LogFormat> candidates = new java.util.ArrayList<>(userFormats);
        candidates.addAll(all());
        return new AutoDetectFormat(candidates);
    }

    /**
     * The format called {@code name} ({@code board}, {@code mbedtls} or {@code auto}, any case).
     *
     * @throws IllegalArgumentException for an unknown name (a configuration mistake, not device input)
     */
    public static LogFormat byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case BoardLogFormat.NAME -> new BoardLogFormat();
            case MbedtlsNativeFormat.NAME -> new MbedtlsNativeFormat();
            case LWIP -> new LwipFormat();
            case MbedTraceFormat.NAME -> new MbedTraceFormat();
            case EspIdfFormat.NAME -> new EspIdfFormat();
            case AUTO -> autoDetect();
            default -> throw new IllegalArgumentException(
                    "unknown device log format '" + name + "', expected one of " + names());
        };
    }

    /** A format that settles on the first concrete format that recognises a line. Stateful. */
    public static AutoDetectFormat autoDetect() {
        return new AutoDetectFormat(all());
    }
}
