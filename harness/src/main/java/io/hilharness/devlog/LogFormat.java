package io.hilharness.devlog;

/**
 * One way a device prints its log lines. Implementations must accept any text (device output is
 * untrusted) and answer null rather than throw when the text is not theirs.
 */
public interface LogFormat {

    /** Short name used in configuration, e.g. {@code board}. */
    String name();

    /** Splits a line into prefix and message, or returns null when the line is not in this format. */
    LogLine parse(String text);

    /**
     * Whether a line says the device died (user-configured death patterns). The built-in patterns
     * (panic, hard fault, watchdog, assert) apply to every format anyway.
     */
    default boolean isDeath(String text) {
        return false;
    }
}
